package nrw.kinetz.reporting.activity.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoBulkWriteException;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.ScratchDatabase;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** The activity ledger's pages in the real (embedded) MongoDB wire server: found by activity id, guarded, changed in place. */
@WithKiNetzInfrastructure
class MongoActivityLedgerTests {

    private static final Generation G1 = new Generation(1);
    private static final CellKey CELL = new CellKey(SiteId.of("05974"), Period.Month.parse("2026-07"),
            FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.ERSTBERATUNG_SEITENEINSTEIGER, null);

    private ScratchDatabase database;
    private MongoTemplate mongo;

    @BeforeEach
    void database(TestInfrastructure infrastructure) {
        database = new ScratchDatabase(infrastructure, "ledger");
        mongo = database.mongo();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBatchIsRecordedInOnePagePerThousandActivitiesAndEveryActivityIsFoundById() {
        MongoActivityStore store = new MongoActivityStore(mongo, G1, true);
        List<LedgerEntry> entries = IntStream.range(0, MongoActivityStore.PAGE + 5).mapToObj(i -> reported(i)).toList();

        store.record(entries, List.of());

        assertThat(mongo.getCollection(MongoActivityStore.ledgerOf(G1)).countDocuments()).isEqualTo(2);
        List<UUID> asked = new ArrayList<>(List.of(entries.get(3).activityId(), entries.get(MongoActivityStore.PAGE + 4).activityId(),
                UUID.randomUUID()));
        assertThat(store.ledger(asked)).containsOnlyKeys(asked.get(0), asked.get(1))
                .containsEntry(asked.get(1), entries.get(MongoActivityStore.PAGE + 4));
    }

    @Test
    void aSecondWriterRecordingAnActivityAnotherOneRecordedFails() {
        MongoActivityStore store = new MongoActivityStore(mongo, G1, true);
        LedgerEntry first = reported(1);
        store.record(List.of(reported(0), first), List.of());

        assertThatThrownBy(() -> store.record(List.of(reported(2), first), List.of())).isInstanceOf(MongoBulkWriteException.class);
    }

    @Test
    void aChangedEntryIsWrittenIntoThePageThatHoldsIt() {
        MongoActivityStore store = new MongoActivityStore(mongo, G1, true);
        LedgerEntry report = reported(0);
        store.record(List.of(report, reported(1)), List.of());

        LedgerEntry retracted = report.retracted(new Position(0, 50));
        store.record(List.of(), List.of(retracted));

        assertThat(mongo.getCollection(MongoActivityStore.ledgerOf(G1)).countDocuments()).isEqualTo(1);
        assertThat(store.ledger(List.of(report.activityId()))).containsEntry(report.activityId(), retracted);
    }

    @Test
    void entriesOfOneDocumentEachFromBeforePagesAreStillFoundAndChanged() {
        LedgerEntry old = reported(0);
        mongo.getCollection(MongoActivityStore.ledgerOf(G1)).insertOne(new Document("_id", old.activityId().toString())
                .append("key", CELL.value()).append("month", "2026-07").append("activities", 1L).append("participants", 7L)
                .append("volunteers", 0L).append("sessions", 1L).append("hours", 2L)
                .append("reportedAt", new Document("p", 0).append("o", 0L)));
        MongoActivityStore store = new MongoActivityStore(mongo, G1, true);
        store.record(List.of(reported(1)), List.of());

        assertThat(store.ledger(List.of(old.activityId(), reported(1).activityId()))).hasSize(2)
                .containsEntry(old.activityId(), old);
        LedgerEntry retracted = old.retracted(new Position(0, 9));
        store.record(List.of(), List.of(retracted));
        assertThat(store.ledger(List.of(old.activityId()))).containsEntry(old.activityId(), retracted);
    }

    /** The same activity for the same {@code n}, reported at offset {@code n}. */
    private static LedgerEntry reported(int n) {
        return new LedgerEntry(new UUID(42, n), CELL, new Tally(1, 7, 0, 1, 2), new Position(0, n), null);
    }
}
