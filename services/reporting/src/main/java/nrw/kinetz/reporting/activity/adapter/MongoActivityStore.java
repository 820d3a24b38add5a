package nrw.kinetz.reporting.activity.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.store.ActivityStore;

/**
 * One generation of the activities read model in reporting's database: the cells in
 * {@code activity_cells_<gen>}, {@code _id} = aggregate key, and the ledger in {@code activity_ledger_<gen>}, one
 * page per batch. A batch is two unordered bulk writes — one write per distinct cell, one page per
 * {@value #PAGE} new activities — whatever the number of events.
 *
 * <p>A cell carries its coordinates as plain codes (for people and indexes), its sums, its version
 * ({@code p}, {@code v}: the last applied record), a revision {@code rev} counting its writes, and, when the
 * generation is live, the mark {@code dirty} that the feed relay collects: the change and its announcement
 * are one document write (docs/architecture.md#outbox).
 *
 * <p>A ledger page holds the entries of the activities a batch saw first, {@code {_id, ids: [activity ids],
 * e: {<activity id>: entry}}}, with a unique index on {@code ids}: an activity is found by that index, and a
 * second writer recording an activity another one recorded fails on it, as an insert by {@code _id} would. A later
 * change of an entry (the retraction of a report) is a write to the page that holds it. Pages of one document per
 * activity ({@code _id} = activity id), as generations written before pages were, are still read and changed.
 *
 * <p>Two choices serve the embedded store without costing correctness on real MongoDB: a write is guarded by
 * the filter {@code {_id, rev}}, backed by a unique index on exactly those fields (the embedded store uses an
 * index only for a filter with exactly its fields; otherwise every guarded write scans the collection), and
 * lookups by id are asked in slices ({@value #IN_SLICE} ids), because the embedded store checks each found
 * document against the whole {@code $in} list.
 */
public final class MongoActivityStore implements ActivityStore {

    public static final String CELLS = "activity_cells_";
    public static final String LEDGER = "activity_ledger_";
    public static final String DIRTY = "dirty";
    public static final String REVISION = "rev";
    public static final int IN_SLICE = 200;
    /** The most entries a ledger page holds, so that a replay's large batches stay far below a document's size limit. */
    public static final int PAGE = 1_000;
    private static final String IDS = "ids";
    /** What {@link #states} reads of a cell: its version, revision and sums. */
    private static final List<String> STATE = List.of("p", "v", REVISION, "activities", "participants", "volunteers",
            "sessions", "hours");
    private static final String ENTRIES = "e";

    private final MongoOperations mongo;
    private final Generation generation;
    private final boolean live;
    /** Whether the ledger holds entries of one document each, which are found by {@code _id}, not by the page index. */
    private final boolean singleEntries;

    /**
     * @param live {@code true} for the store live events and queries use: writes are announced to the feed and
     *             guarded against a second writer. {@code false} for a rebuild's replay into a new generation,
     *             which it alone writes: nothing is announced (the feed has said it all), nothing needs a guard,
     *             and the indexes are built when the generation goes live, not maintained on every replayed write.
     */
    public MongoActivityStore(MongoOperations mongo, Generation generation, boolean live) {
        this.mongo = mongo;
        this.generation = generation;
        this.live = live;
        if (live) {
            cells().createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true));
            cells().createIndex(Indexes.ascending("month"));
            cells().createIndex(Indexes.ascending("site", "month"));
            cells().createIndex(Indexes.ascending(DIRTY), new IndexOptions().sparse(true));
        }
        // Also while a replay writes: its lookups of duplicates and retractions find their pages by it.
        ledgerCollection().createIndex(Indexes.ascending(IDS), new IndexOptions().unique(true).sparse(true));
        singleEntries = ledgerCollection().find(Filters.exists(IDS, false)).limit(1).first() != null;
    }

    public static String cellsOf(Generation generation) {
        return CELLS + generation.suffix();
    }

    public static String ledgerOf(Generation generation) {
        return LEDGER + generation.suffix();
    }

    /** Removes a generation's collections: a replaced one, or what a failed rebuild left. */
    public static void drop(MongoOperations mongo, Generation generation) {
        for (String collection : List.of(cellsOf(generation), ledgerOf(generation))) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }

    @Override
    public Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds) {
        Map<UUID, LedgerEntry> found = new HashMap<>();
        for (List<String> slice : slices(activityIds.stream().map(UUID::toString).toList())) {
            ledgerCollection().find(Filters.in(IDS, slice))
                    .projection(Projections.include(slice.stream().map(id -> ENTRIES + "." + id).toList()))
                    .forEach(page -> page.get(ENTRIES, new Document()).forEach((id, entry) -> {
                        LedgerEntry read = entry(UUID.fromString(id), (Document) entry);
                        found.put(read.activityId(), read);
                    }));
            if (singleEntries) {
                ledgerCollection().find(Filters.in("_id", slice)).forEach(document -> {
                    LedgerEntry read = entry(UUID.fromString(document.getString("_id")), document);
                    found.put(read.activityId(), read);
                });
            }
        }
        return found;
    }

    @Override
    public Map<CellKey, CellState> states(Collection<CellKey> keys) {
        Map<CellKey, CellState> found = new HashMap<>();
        for (List<String> slice : slices(keys.stream().map(CellKey::value).toList())) {
            cells().find(Filters.in("_id", slice)).projection(Projections.include(STATE))
                    .forEach(document -> found.put(CellKey.parse(document.getString("_id")),
                            new CellState(version(document), number(document, REVISION), tally(document))));
        }
        return found;
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (CellUpdate update : updates) {
            writes.add(update.expected() == null
                    // If another writer created the cell meanwhile, the insert fails on the _id.
                    ? new InsertOneModel<>(created(update))
                    : new UpdateOneModel<>(live
                            ? new Document("_id", update.key().value()).append(REVISION, update.expected().revision())
                            : new Document("_id", update.key().value()),
                            change(update)));
        }
        BulkWriteResult result;
        try {
            result = cells().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            throw new OptimisticLockingFailureException(e.getWriteErrors().size() + " of " + updates.size()
                    + " new activity cells were created by another writer; the batch will be redelivered and re-checked", e);
        }
        int written = result.getMatchedCount() + result.getInsertedCount();
        if (written != updates.size()) {
            throw new OptimisticLockingFailureException((updates.size() - written) + " of " + updates.size()
                    + " activity cells were changed by another writer; the batch will be redelivered and re-checked");
        }
    }

    @Override
    public void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        // Inserts rather than upserts: a second writer fails on the unique activity ids.
        ledgerPages(created).forEach(page -> writes.add(new InsertOneModel<>(page)));
        for (LedgerEntry entry : changed) {
            String id = entry.activityId().toString();
            writes.add(new UpdateOneModel<>(Filters.eq(IDS, id), Updates.set(ENTRIES + "." + id, entryDocument(entry))));
            if (singleEntries) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), entryDocument(entry).append("_id", id)));
            }
        }
        if (!writes.isEmpty()) {
            ledgerCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * @return the ledger pages that record {@code entries}, each of at most {@value #PAGE}; what a batch writes to
     *         the ledger for the activities it saw first
     */
    public static List<Document> ledgerPages(Collection<LedgerEntry> entries) {
        List<Document> pages = new ArrayList<>();
        List<String> ids = null;
        Document page = null;
        for (LedgerEntry entry : entries) {
            if (page == null || ids.size() == PAGE) {
                ids = new ArrayList<>();
                page = new Document("_id", new ObjectId()).append(IDS, ids).append(ENTRIES, new Document());
                pages.add(page);
            }
            String id = entry.activityId().toString();
            ids.add(id);
            page.get(ENTRIES, Document.class).append(id, entryDocument(entry));
        }
        return pages;
    }

    @Override
    public List<Cell> cells(CellQuery query) {
        List<Bson> filters = new ArrayList<>();
        query.period().ifPresent(period -> {
            filters.add(Filters.gte("month", Period.monthOf(period.start()).value()));
            filters.add(Filters.lte("month", Period.monthOf(period.end()).value()));
        });
        query.site().ifPresent(site -> filters.add(Filters.eq("site", site.value())));
        List<Cell> found = new ArrayList<>();
        cells().find(filters.isEmpty() ? new Document() : Filters.and(filters)).forEach(document -> found.add(cell(document)));
        return found;
    }

    /** A new cell: its coordinates, the delta as its sums, revision 1. */
    private Document created(CellUpdate update) {
        CellKey key = update.key();
        Tally values = update.delta();
        Document document = new Document("_id", key.value())
                .append("site", key.site().value())
                .append("regierungsbezirk", key.regierungsbezirk().code())
                .append("month", key.month().value())
                .append("field", key.field().name())
                .append("focusArea", key.focusArea().name())
                .append("activityType", key.activityType().name())
                .append("program", key.programCode())
                .append("activities", values.activities())
                .append("participants", values.participants())
                .append("volunteers", values.volunteers())
                .append("sessions", values.sessions())
                .append("hours", values.hours())
                .append("p", update.next().partition())
                .append("v", update.next().offset())
                .append(REVISION, 1L);
        if (live) {
            document.append(DIRTY, true);
        }
        return document;
    }

    private Bson change(CellUpdate update) {
        Tally delta = update.delta();
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.inc("activities", delta.activities()),
                Updates.inc("participants", delta.participants()),
                Updates.inc("volunteers", delta.volunteers()),
                Updates.inc("sessions", delta.sessions()),
                Updates.inc("hours", delta.hours()),
                Updates.set("p", update.next().partition()),
                Updates.set("v", update.next().offset()),
                Updates.inc(REVISION, 1L)));
        if (live) {
            changes.add(Updates.set(DIRTY, true));
        }
        return Updates.combine(changes);
    }

    public static Cell cell(Document document) {
        return new Cell(CellKey.parse(document.getString("_id")), tally(document), version(document));
    }

    public static Tally tally(Document document) {
        return new Tally(number(document, "activities"), number(document, "participants"), number(document, "volunteers"),
                number(document, "sessions"), number(document, "hours"));
    }

    private static Position version(Document document) {
        return document.get("v") == null ? null : new Position(((Number) document.get("p")).intValue(), number(document, "v"));
    }

    private static long number(Document document, String name) {
        Object value = document.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Document entryDocument(LedgerEntry entry) {
        Tally t = entry.tally();
        Document document = new Document("key", entry.key().value())
                .append("month", entry.key().month().value())
                .append("activities", t.activities()).append("participants", t.participants())
                .append("volunteers", t.volunteers()).append("sessions", t.sessions()).append("hours", t.hours());
        if (entry.reportedAt() != null) {
            document.append("reportedAt", position(entry.reportedAt()));
        }
        if (entry.retractedAt() != null) {
            document.append("retractedAt", position(entry.retractedAt()));
        }
        return document;
    }

    private static Document position(Position position) {
        return new Document("p", position.partition()).append("o", position.offset());
    }

    private static LedgerEntry entry(UUID activityId, Document document) {
        return new LedgerEntry(activityId, CellKey.parse(document.getString("key")),
                tally(document), position(document.get("reportedAt", Document.class)),
                position(document.get("retractedAt", Document.class)));
    }

    private static Position position(Document document) {
        return document == null ? null : new Position(((Number) document.get("p")).intValue(), number(document, "o"));
    }

    public static <T> List<List<T>> slices(List<T> all) {
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_SLICE) {
            slices.add(all.subList(from, Math.min(all.size(), from + IN_SLICE)));
        }
        return slices;
    }

    private MongoCollection<Document> cells() {
        return mongo.getCollection(cellsOf(generation));
    }

    private MongoCollection<Document> ledgerCollection() {
        return mongo.getCollection(ledgerOf(generation));
    }
}
