package nrw.kinetz.reporting.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nrw.kinetz.model.Period;

/**
 * Recomputes one period of the activities read model from the raw events in {@code ki.activities.v1} and
 * lists where the incremental model differs (there should be nothing to list: docs/architecture.md#rebuild).
 *
 * <p>It reads the topic up to what the live listener has committed — the records the model is known to
 * reflect — into an in-memory store, through the same rules (a duplicate id counts once, a retraction
 * subtracts its report once), but in one pass, free of the redeliveries, crashes and batch boundaries the
 * incremental model went through. Cells that the live listener changed after that point cannot be compared
 * and are listed as skipped; run it again when ingestion is quiet.
 */
final class ActivityReconciliation {

    /**
     * One cell where the two disagree (a missing cell counts as all zeros).
     *
     * @param key         the aggregate key
     * @param incremental the stored numbers
     * @param recomputed  the numbers recomputed from the topic
     */
    record Difference(String key, Map<String, Long> incremental, Map<String, Long> recomputed) {
    }

    /**
     * @param period      the period checked
     * @param cells       cells compared
     * @param events      activity events of the period read from the topic
     * @param differences where the incremental model differs
     * @param skipped     keys of cells changed after the records read, not compared
     */
    record Report(String period, int cells, long events, List<Difference> differences, List<String> skipped) {
    }

    private final ActivityReadModel model;
    private final ActivityTopic topic;
    private final LiveIngestion ingestion;

    ActivityReconciliation(ActivityReadModel model, ActivityTopic topic, LiveIngestion ingestion) {
        this.model = model;
        this.topic = topic;
        this.ingestion = ingestion;
    }

    Report reconcile(Period period) {
        Map<Integer, Long> until = topic.committed(ingestion.groupId(model.activeGeneration()));
        InMemoryActivityStore recomputed = new InMemoryActivityStore();
        ActivityProjection projection = new ActivityProjection(recomputed);
        long[] events = {0};
        topic.read(until, facts -> {
            // A report and its retraction share site and date, hence month: the period's facts are self-contained.
            List<ActivityFact> inPeriod = facts.stream().filter(f -> period.contains(f.key().month().start())).toList();
            events[0] += inPeriod.size();
            projection.apply(inPeriod);
        });
        Map<CellKey, Cell> stored = new LinkedHashMap<>();
        model.active().cells(CellQuery.of(period)).forEach(cell -> stored.put(cell.key(), cell));
        Map<CellKey, Cell> expected = new LinkedHashMap<>();
        recomputed.cells(CellQuery.of(period)).forEach(cell -> expected.put(cell.key(), cell));

        TreeSet<String> keys = new TreeSet<>();
        stored.keySet().forEach(key -> keys.add(key.value()));
        expected.keySet().forEach(key -> keys.add(key.value()));
        List<Difference> differences = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String text : keys) {
            CellKey key = CellKey.parse(text);
            Cell incremental = stored.get(key);
            if (incremental != null && changedSince(incremental, until)) {
                skipped.add(text);
                continue;
            }
            Tally have = incremental == null ? Tally.ZERO : incremental.values();
            Tally want = expected.containsKey(key) ? expected.get(key).values() : Tally.ZERO;
            if (!have.equals(want)) {
                differences.add(new Difference(text, have.byMetric(), want.byMetric()));
            }
        }
        return new Report(period.value(), keys.size() - skipped.size(), events[0], differences, skipped);
    }

    private static boolean changedSince(Cell cell, Map<Integer, Long> until) {
        Position version = cell.version();
        return version != null && version.offset() >= until.getOrDefault(version.partition(), 0L);
    }
}
