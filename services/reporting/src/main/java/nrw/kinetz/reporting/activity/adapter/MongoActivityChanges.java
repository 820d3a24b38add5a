package nrw.kinetz.reporting.activity.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;

/**
 * The cells of the active generation that carry the {@code dirty} mark, as changes for the feed. Clearing a
 * mark is conditional on the revision that was read, so a cell that changed again meanwhile keeps its mark
 * and its newer value is fed next.
 */
public final class MongoActivityChanges implements ChangeSource {

    private final MongoOperations mongo;
    private final ActivityReadModel model;

    public MongoActivityChanges(MongoOperations mongo, ActivityReadModel model) {
        this.mongo = mongo;
        this.model = model;
    }

    @Override
    public List<Change> pending(int limit) {
        Generation generation = model.activeGeneration();
        List<Change> changes = new ArrayList<>();
        mongo.getCollection(MongoActivityStore.cellsOf(generation)).find(Filters.eq(MongoActivityStore.DIRTY, true)).limit(limit)
                .forEach(document -> changes.add(change(generation, document)));
        return changes;
    }

    @Override
    public long pendingCount() {
        return mongo.getCollection(MongoActivityStore.cellsOf(model.activeGeneration()))
                .countDocuments(Filters.eq(MongoActivityStore.DIRTY, true));
    }

    /** By {@code _id}, a slice at a time: the embedded store answers {@code dirty: true} only by scanning every cell. */
    @Override
    public List<Change> pending(Collection<String> keys) {
        Generation generation = model.activeGeneration();
        List<Change> changes = new ArrayList<>();
        for (List<String> slice : MongoActivityStore.slices(List.copyOf(keys))) {
            mongo.getCollection(MongoActivityStore.cellsOf(generation)).find(Filters.in("_id", slice))
                    .forEach(document -> {
                        if (Boolean.TRUE.equals(document.getBoolean(MongoActivityStore.DIRTY))) {
                            changes.add(change(generation, document));
                        }
                    });
        }
        return changes;
    }

    @Override
    public void fed(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // Grouped by origin: a change read just before a generation switch clears its mark in the old generation.
        changes.stream().map(Change::origin).distinct().forEach(origin -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            // The filter has exactly the fields of the cells' unique index (_id, rev), see MongoActivityStore.
            changes.stream().filter(change -> change.origin().equals(origin)).forEach(change -> writes.add(new UpdateOneModel<>(
                    new Document("_id", change.key()).append(MongoActivityStore.REVISION, change.revision()),
                    Updates.unset(MongoActivityStore.DIRTY))));
            mongo.getCollection(MongoActivityStore.CELLS + origin).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        });
    }

    @Override
    public boolean owns(Change change) {
        return CellKey.MEASURE.equals(change.measure());
    }

    private static Change change(Generation generation, Document document) {
        Cell cell = MongoActivityStore.cell(document);
        return change(generation, cell.key(), ((Number) document.get(MongoActivityStore.REVISION)).longValue(), cell.values());
    }

    /**
     * @return the change the live listener's write of a cell announces, the same that {@link #pending} reads back
     *         from the written cell, so that the listener can hand it to the feed relay without that read
     */
    public static Change change(Generation generation, CellKey key, CellState written) {
        return change(generation, key, written.revision(), written.values());
    }

    private static Change change(Generation generation, CellKey key, long revision, Tally values) {
        return new Change(generation.suffix(), key.value(), revision, CellKey.MEASURE, key.month(), key.dimensions(),
                values.byMetric());
    }
}
