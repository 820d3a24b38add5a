package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The public reads over real HTTP on the seeded registry. Other test classes add sites with ids no KI has
 * (059xx, 051xx) to the same store, so assertions about "the 54" look at the KI sites by id or filter on
 * ESTABLISHED, which no test site reaches.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class SiteQueriesIntegrationTests {

    private static final Set<String> KI_SITES = KiSites.all().stream().map(s -> s.siteId().value()).collect(Collectors.toSet());

    @Value("${local.server.port}")
    int port;

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void theListIsPublicAndHoldsAll54KiSites() {
        Http.Response list = http.get("/api/v1/sites");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        assertThat(siteIds(list.json())).containsAll(KI_SITES);
        assertThat(Long.parseLong(list.header("X-Total-Count"))).isGreaterThanOrEqualTo(54);
        JsonNode soest = find(list.json(), "05974");
        assertThat(soest.get("name").asString()).isEqualTo("Kreis Soest");
        assertThat(soest.get("territoryKind").asString()).isEqualTo("KREIS");
        assertThat(soest.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(soest.get("lifecycle")).hasSize(4);
        assertThat(soest.get("programs").toString()).contains("KOMM_IN");
    }

    @Test
    void establishedSitesPerRegierungsbezirkAreTheReferenceCounts() {
        assertThat(countEstablishedIn(Regierungsbezirk.DUESSELDORF)).isEqualTo(15);
        assertThat(countEstablishedIn(Regierungsbezirk.KOELN)).as("with the city of Aachen").isEqualTo(12);
        assertThat(countEstablishedIn(Regierungsbezirk.MUENSTER)).isEqualTo(8);
        assertThat(countEstablishedIn(Regierungsbezirk.DETMOLD)).isEqualTo(7);
        assertThat(countEstablishedIn(Regierungsbezirk.ARNSBERG)).isEqualTo(12);
    }

    @Test
    void filtersCombineAndAcceptSeveralValues() {
        Http.Response kommIn = http.get("/api/v1/sites?program=KOMM_IN&status=ESTABLISHED");
        Http.Response twoRegions = http.get("/api/v1/sites?status=ESTABLISHED&regierungsbezirk=MUENSTER&regierungsbezirk=Detmold");
        Http.Response sport = http.get("/api/v1/sites?status=ESTABLISHED&focusArea=SPORT");

        assertThat(siteIds(kommIn.json())).as("the first 16 came out of KOMM-IN").hasSize(16).contains("05974", "05117");
        assertThat(siteIds(twoRegions.json())).hasSize(15).allMatch(id -> id.startsWith("055") || id.startsWith("057"));
        assertThat(sport.json()).isNotEmpty().allSatisfy(site -> assertThat(site.get("focusAreas").get("QUERSCHNITT").toString()).contains("SPORT"));
    }

    @Test
    void anUnknownFilterValueIs400ListingTheValidOnes() {
        Http.Response unknown = http.get("/api/v1/sites?focusArea=KOCHEN&status=ESTABLISHED");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorPointers()).containsExactly("/focusArea");
        assertThat(unknown.errorDetails()).contains("'KOCHEN' is not a focus area; allowed: FRUEHE_BILDUNG");
    }

    @Test
    void badFiltersAndPagesAreExplainedInGermanWhenAskedForAndInEnglishOtherwise() {
        Http.Response german = http.get("/api/v1/sites?focusArea=KOCHEN", "Accept-Language", "de");
        Http.Response pageGerman = http.get("/api/v1/sites?size=0", "Accept-Language", "de");
        Http.Response pageEnglish = http.get("/api/v1/sites?size=0");

        assertThat(german.json().get("title").asString()).isEqualTo("Ungültige Anfrage");
        assertThat(german.json().get("detail").asString()).isEqualTo("Der Filter focusArea hat 1 unbekannte(n) Wert(e).");
        assertThat(german.errorDetails()).startsWith("'KOCHEN' ist nicht ein Handlungsfeld; erlaubt: FRUEHE_BILDUNG");
        assertThat(pageGerman.errorDetails()).isEqualTo("muss mindestens 1 sein\n");
        assertThat(pageEnglish.errorDetails()).as("whatever the server's own locale").isEqualTo("must be greater than or equal to 1\n");
    }

    @Test
    void pagesCarryLinksToTheirNeighboursAndKeepTheFilters() {
        Http.Response second = http.get("/api/v1/sites?status=ESTABLISHED&size=10&page=2");
        Http.Response last = http.get("/api/v1/sites?status=ESTABLISHED&size=10&page=6");

        assertThat(second.json()).hasSize(10);
        assertThat(second.header("X-Total-Count")).isEqualTo("54");
        assertThat(second.header("Link")).contains("page=1&size=10>; rel=\"first\"", "page=1&size=10>; rel=\"prev\"",
                "page=3&size=10>; rel=\"next\"", "page=6&size=10>; rel=\"last\"", "status=ESTABLISHED");
        assertThat(last.json()).hasSize(4);
        assertThat(last.header("Link")).doesNotContain("rel=\"next\"");
        List<String> allPages = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            allPages.addAll(siteIds(http.get("/api/v1/sites?status=ESTABLISHED&size=10&page=" + page).json()));
        }
        assertThat(allPages).hasSize(54).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPageSizeOutOfRangeIs400() {
        assertThat(http.get("/api/v1/sites?size=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/sites?size=501").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/sites?page=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/sites?page=x").status()).isEqualTo(400);
    }

    @Test
    void acceptTextCsvExportsTheSameListForSpreadsheets() {
        Http.Response csv = http.get("/api/v1/sites?status=ESTABLISHED&regierungsbezirk=DETMOLD", "Accept", "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("ki-sites.csv");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFKI;Name;");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("05766;Kreis Lippe;KREIS;DETMOLD;05766;")
                .contains(";ESTABLISHED;").contains(";5,5;"));
        assertThat(http.get("/api/v1/sites?status=ESTABLISHED&regierungsbezirk=DETMOLD").header("Content-Type"))
                .as("JSON without Accept").startsWith("application/json");
        assertThat(http.get("/api/v1/sites?status=ESTABLISHED", "Accept", "*/*").header("Content-Type"))
                .as("JSON for Accept: */*, as curl sends it").startsWith("application/json");
    }

    @Test
    void fortySevenSitesWereEstablishedOnTheSecondOfDecember2013() {
        Http.Response summary = http.get("/api/v1/sites/summary?asOf=2013-12-02");

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("asOf").asString()).isEqualTo("2013-12-02");
        assertThat(summary.json().get("byStatus").get("ESTABLISHED").asInt()).isEqualTo(47);
        assertThat(http.get("/api/v1/sites/summary?asOf=2017-10-31").json().get("byStatus").get("ESTABLISHED").asInt())
                .isEqualTo(52);
    }

    @Test
    void theSummaryWithoutADateIsToday() {
        JsonNode summary = http.get("/api/v1/sites/summary").json();

        assertThat(summary.get("asOf").asString()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        assertThat(summary.get("byStatus").get("ESTABLISHED").asInt()).isEqualTo(54);
        assertThat(summary.get("byStatus").get("CLOSED").asInt()).isZero();
    }

    @Test
    void aSummaryForAFutureOrMalformedDayIs400() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();

        assertThat(http.get("/api/v1/sites/summary?asOf=" + tomorrow).status()).isEqualTo(400);
        Http.Response malformed = http.get("/api/v1/sites/summary?asOf=02.12.2013");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorPointers()).containsExactly("/asOf");
    }

    @Test
    void oneSiteCarriesItsETagAndAnUnchangedSiteAnswers304() {
        Http.Response aachen = http.get("/api/v1/sites/05334002");

        assertThat(aachen.status()).isEqualTo(200);
        assertThat(aachen.json().get("territoryKind").asString()).isEqualTo("STADT_IN_STAEDTEREGION");
        assertThat(aachen.json().get("districtKey").asString()).isEqualTo("05334");
        assertThat(aachen.header("ETag")).isEqualTo("\"" + aachen.json().get("version").asLong() + "\"");
        assertThat(http.get("/api/v1/sites/05334002", "If-None-Match", aachen.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void theHistoryOfASiteIsItsEventsInOrder() {
        Http.Response history = http.get("/api/v1/sites/05166/history");

        assertThat(history.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        history.json().forEach(event -> types.add(event.get("type").asString()));
        assertThat(types).containsExactly("nrw.ki.site.registered.v1", "nrw.ki.site.staffing-changed.v1",
                "nrw.ki.site.status-changed.v1", "nrw.ki.site.status-changed.v1", "nrw.ki.site.status-changed.v1",
                "nrw.ki.site.focus-areas-changed.v1");
        JsonNode startPhase = history.json().get(3);
        assertThat(startPhase.get("subject").asString()).isEqualTo("05166");
        assertThat(startPhase.get("data").get("status").asString()).isEqualTo("START_PHASE");
        assertThat(startPhase.get("data").get("effectiveOn").asString()).isEqualTo("2017-10-02");
        assertThat(http.get("/api/v1/sites/05999/history").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/sites/abc/history").status()).isEqualTo(400);
    }

    @Test
    void theJsonSchemaOfEverySiteEventIsServed() {
        Http.Response schema = http.get("/api/v1/schemas/site-focus-areas-changed.v1.json");

        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().get("$id").asString()).isEqualTo("urn:nrw-ki:schema:site-focus-areas-changed.v1");
        assertThat(http.get("/api/v1/schemas/activity-reported.v1.json").status()).isEqualTo(404);
    }

    @Test
    void theServiceIsHealthyAndDescribesItsApi() {
        JsonNode health = http.get("/actuator/health").json();
        Http.Response openApi = http.get("/v3/api-docs");

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/sites/{siteId}/staffing")).isTrue();
        assertThat(openApi.json().get("paths").has("/api/v1/sites/summary")).isTrue();
    }

    private int countEstablishedIn(Regierungsbezirk regierungsbezirk) {
        return http.get("/api/v1/sites?status=ESTABLISHED&regierungsbezirk=" + regierungsbezirk.name()).json().size();
    }

    private static List<String> siteIds(JsonNode sites) {
        List<String> ids = new ArrayList<>();
        sites.forEach(site -> ids.add(site.get("siteId").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode sites, String siteId) {
        for (JsonNode site : sites) {
            if (site.get("siteId").asString().equals(siteId)) {
                return site;
            }
        }
        throw new AssertionError("no site " + siteId);
    }
}
