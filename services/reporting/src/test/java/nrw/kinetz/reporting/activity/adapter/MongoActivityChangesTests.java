package nrw.kinetz.reporting.activity.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.ScratchDatabase;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.store.ActivityGenerations;
import nrw.kinetz.reporting.activity.store.FixedGenerations;

/** The marks of the live cells in the real (embedded) MongoDB wire server, asked for by mark and by key. */
@WithKiNetzInfrastructure
class MongoActivityChangesTests {

    private static final Generation G1 = new Generation(1);

    private ScratchDatabase database;
    private MongoTemplate mongo;
    private MongoActivityStore store;
    private MongoActivityChanges changes;

    @BeforeEach
    void store(TestInfrastructure infrastructure) {
        database = new ScratchDatabase(infrastructure, "changes");
        mongo = database.mongo();
        store = new MongoActivityStore(mongo, G1, true);
        ActivityGenerations generations = new FixedGenerations(G1);
        changes = new MongoActivityChanges(mongo, new ActivityReadModel(generations, (generation, live) -> store));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void askedByKeyOnlyTheMarkedAmongTheNamedCellsAreChangesWithTheirWholeValue() {
        CellKey july = cell("2026-07");
        CellKey august = cell("2026-08");
        CellKey september = cell("2026-09");
        store.apply(List.of(created(july, 3), created(august, 5), created(september, 7)));
        changes.fed(changes.pending(List.of(august.value())));

        List<Change> named = changes.pending(List.of(july.value(), august.value(), cell("2026-10").value()));

        assertThat(named).extracting(Change::key).containsExactly(july.value());
        assertThat(named.get(0).values()).containsEntry("activities", 1L).containsEntry("participants", 3L);
        assertThat(named.get(0).origin()).isEqualTo(G1.suffix());
        assertThat(changes.pending(500)).extracting(Change::key).containsExactlyInAnyOrder(july.value(), september.value());
    }

    private static CellKey cell(String month) {
        return new CellKey(SiteId.of("05974"), Period.Month.parse(month), FocusArea.SEITENEINSTEIGERBERATUNG,
                ActivityType.ERSTBERATUNG_SEITENEINSTEIGER, null);
    }

    private static CellUpdate created(CellKey key, long participants) {
        return new CellUpdate(key, new Tally(1, participants, 0, 1, 2), null, new Position(0, participants));
    }
}
