package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * A site that changes again and again keeps a document of bounded size (its published events move to the archive),
 * and its whole history stays readable, page by page, in order.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class SiteDocumentBoundsIntegrationTests {

    private static final int CHANGES = 150;

    @Value("${local.server.port}")
    int port;

    @Autowired
    SiteService service;

    @Autowired
    SiteStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void alternatingTwoStaffingPlansKeepsTheDocumentSmallAndTheWholeHistoryReadable() {
        SiteId site = SiteId.of("05986");
        StoredSite current = service.register(site, "Wechselkreis", TerritoryKind.KREIS, 250_000, SiteStatus.DECIDED,
                LocalDate.of(2024, 1, 10));
        int registered = store.history(site).orElseThrow().size();
        List<StaffPost> small = List.of(new StaffPost(PostKind.LEHRKRAFT, null, new BigDecimal("1"), FundingSource.STATE, null));
        List<StaffPost> large = List.of(new StaffPost(PostKind.LEHRKRAFT, null, new BigDecimal("2"), FundingSource.STATE, null));
        for (int i = 0; i < CHANGES; i++) {
            current = service.changeStaffing(site, current.etag(), i % 2 == 0 ? large : small);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> store.pending(100).stream()
                .noneMatch(pending -> pending.siteId().equals(site)));

        RawBsonDocument document = mongo.getCollection(MongoSiteStore.COLLECTION).withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("_id", site.value())).first();
        assertThat(document.getArray(SiteDocument.HISTORY).size()).isLessThanOrEqualTo(MongoSiteStore.KEPT_IN_DOCUMENT);
        assertThat(document.getByteBuffer().remaining()).as("bytes of the site document").isLessThan(64 * 1024);

        Http http = new Http(port);
        List<String> fteInOrder = new ArrayList<>();
        long total = -1;
        for (int page = 1; page <= 5; page++) {
            Http.Response answer = http.get("/api/v1/sites/05986/history?size=40&page=" + page);
            assertThat(answer.status()).isEqualTo(200);
            total = Long.parseLong(answer.header("X-Total-Count"));
            answer.json().forEach(event -> fteInOrder.add(event.get("type").asString().endsWith("staffing-changed.v1")
                    ? event.get("data").get("totalFte").asString() : event.get("type").asString()));
        }
        assertThat(total).isEqualTo(registered + CHANGES);
        assertThat(fteInOrder).hasSize(registered + CHANGES);
        assertThat(fteInOrder.get(0)).isEqualTo("nrw.ki.site.registered.v1");
        for (int i = 0; i < CHANGES; i++) {
            assertThat(new BigDecimal(fteInOrder.get(registered + i))).as("change " + i)
                    .isEqualByComparingTo(i % 2 == 0 ? "2" : "1");
        }
        assertThat(store.history(site).orElseThrow()).hasSize(registered + CHANGES);
    }
}
