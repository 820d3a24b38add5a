package nrw.kinetz.reporting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import nrw.kinetz.reporting.catalog.adapter.CatalogChanges;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * How the catalog's changes reach the feed through the real store: each poll announces the offerings it changed, the
 * relay reads the announcements and then the offerings, and removes exactly the announcements it read once it has fed
 * what it read — so a change written in between is fed as well. A database of its own, so that the service's relay
 * (none runs here) takes nothing away.
 */
@WithKiNetzInfrastructure
class CatalogAnnouncementsIntegrationTests {

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoCatalogOfferings offerings;
    private CatalogChanges changes;

    @BeforeEach
    void anEmptyReadModel(TestInfrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoConnectionString());
        mongo = new MongoTemplate(client, "catalog-announcements-" + UUID.randomUUID());
        offerings = new MongoCatalogOfferings(mongo);
        changes = new CatalogChanges(offerings);
    }

    @AfterEach
    void dropIt() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void anOfferingChangedAfterTheRelayReadItIsFedAgainWithItsNewFigures() {
        String offering = UUID.randomUUID().toString();
        write(offering, true, UUID.randomUUID().toString());
        List<Change> read = changes.pending(500);
        assertThat(read).singleElement().satisfies(change -> assertThat(change.values()).containsEntry("confirmed", 1L));

        write(offering, false, UUID.randomUUID().toString());
        changes.fed(read);

        List<Change> again = changes.pending(500);
        assertThat(again).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(CatalogChanges.key(offering));
            assertThat(change.revision()).isGreaterThan(read.get(0).revision());
            assertThat(change.values()).containsEntry("confirmed", 2L);
        });
        changes.fed(again);
        assertThat(changes.pending(500)).isEmpty();
        assertThat(changes.pendingCount()).isZero();
    }

    @Test
    void onlyExactlyTheChangesOfTheLastReadSettleItsAnnouncements() {
        write(UUID.randomUUID().toString(), true, UUID.randomUUID().toString());
        List<Change> first = changes.pending(500);
        changes.pending(500);
        changes.fed(first);
        assertThat(changes.pendingCount()).as("fed: the changes of an earlier read, not of the last one").isEqualTo(1);

        changes.fed(changes.pending(500).subList(0, 0));
        assertThat(changes.pendingCount()).as("fed: only part of the last read's changes").isEqualTo(1);

        changes.fed(changes.pending(500));
        assertThat(changes.pendingCount()).isZero();
    }

    @Test
    void aPollsOfferingsAreAnnouncedOnceAndFedWhateverTheLimit() {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        MongoCatalogOfferings.Batch batch = offerings.batch();
        details(batch, one);
        details(batch, two);
        batch.execute();

        List<Change> read = changes.pending(1);
        assertThat(read).as("a poll's announcement is read whole").extracting(Change::key)
                .containsExactlyInAnyOrder(CatalogChanges.key(one), CatalogChanges.key(two));
        changes.fed(read);
        assertThat(changes.pendingCount()).isZero();
    }

    @Test
    void offeringsWhoseDetailsHaveNotArrivedAreNotFedAndLeaveNothingPending() {
        MongoCatalogOfferings.Batch batch = offerings.batch();
        batch.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        batch.execute();
        assertThat(changes.pendingCount()).isEqualTo(1);

        assertThat(changes.pending(500)).isEmpty();
        assertThat(changes.pendingCount()).isZero();
    }

    @Test
    void offeringsOfTheEarlierShapeAreBroughtIntoThisOneAndTheMarkedOnesAnnounced() {
        String marked = UUID.randomUUID().toString();
        String fed = UUID.randomUUID().toString();
        var collection = mongo.getCollection(MongoCatalogOfferings.COLLECTION);
        collection.createIndex(Indexes.ascending("_id", MongoCatalogOfferings.REVISION), new IndexOptions().unique(true));
        collection.insertOne(earlier(marked, true));
        collection.insertOne(earlier(fed, null));

        MongoCatalogOfferings.Batch batch = offerings.batch();
        batch.confirmed(fed, "d");
        batch.execute();

        Document upgraded = collection.find(new Document("_id", fed)).first();
        assertThat(upgraded.get("confirmed", Document.class)).containsOnlyKeys("a", "b", "d");
        assertThat(upgraded.get("waitlisted", Document.class)).containsOnlyKeys("c");
        Document other = collection.find(new Document("_id", marked)).first();
        assertThat(other.get("confirmed", Document.class)).containsOnlyKeys("a", "b");
        assertThat(other).doesNotContainKey("dirty");
        assertThat(collection.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name"))
                .containsExactly("_id_");
        assertThat(changes.pending(500)).extracting(Change::key)
                .containsExactlyInAnyOrder(CatalogChanges.key(marked), CatalogChanges.key(fed));
    }

    private static Document earlier(String id, Boolean dirty) {
        Document document = new Document("_id", id).append("organiserSite", null).append("type", "FORTBILDUNG")
                .append("focusArea", "FRUEHE_BILDUNG").append("month", "2027-03").append("capacity", 20).append("sessions", 1)
                .append("status", "PUBLISHED").append("confirmed", List.of("a", "b")).append("waitlisted", List.of("c"))
                .append("attended", List.of()).append("revision", 3L);
        return dirty == null ? document : document.append("dirty", dirty);
    }

    /** The offering's details (with {@code details}) and one registration, confirmed or waitlisted, in one poll. */
    private void write(String offering, boolean details, String registration) {
        MongoCatalogOfferings.Batch batch = offerings.batch();
        if (details) {
            details(batch, offering);
        }
        batch.confirmed(offering, registration);
        batch.execute();
    }

    private static void details(MongoCatalogOfferings.Batch batch, String offering) {
        batch.details(offering, null, "FORTBILDUNG", "FRUEHE_BILDUNG", "2027-03", 20, 1, "PUBLISHED");
    }
}
