package nrw.kinetz.reporting.feed.adapter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.feed.FeedCursor;
import nrw.kinetz.reporting.feed.FeedEntry;

/**
 * The feed in reporting's database: collection {@value #COLLECTION}, {@code _id} = sequence. The sequence
 * comes from a counter document incremented with {@code findAndModify} — atomic on every MongoDB, so the
 * numbers are unique across instances and restarts, and a cursor means the same everywhere. A block of
 * numbers is taken per batch, so appending costs one counter write plus one ordered bulk insert.
 */
public class MongoFeed implements Feed {

    public static final String COLLECTION = "feed";
    public static final String COUNTERS = "feed_counters";
    public static final String PROGRESS = "feed_progress";
    private static final String SEQUENCE = "feed";
    private static final int IN_SLICE = 200;

    private final MongoOperations mongo;
    private volatile boolean indexed;

    public MongoFeed(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<FeedEntry> append(List<Change> changes, Instant now) {
        return append(changes, Set.of(), now);
    }

    @Override
    public List<FeedEntry> append(List<Change> changes, Set<String> absent, Instant now) {
        if (!indexed) {
            // On first use rather than at startup, so that the service starts while the store is still coming up.
            entries().createIndex(Indexes.ascending("change"), new IndexOptions().unique(true));
            indexed = true;
        }
        Set<String> present = new HashSet<>();
        List<String> ids = changes.stream().map(Change::changeId).filter(id -> !absent.contains(id)).toList();
        // In slices: the embedded store checks each found document against the whole $in list.
        for (int from = 0; from < ids.size(); from += IN_SLICE) {
            entries().find(Filters.in("change", ids.subList(from, Math.min(ids.size(), from + IN_SLICE))))
                    .projection(Projections.include("change"))
                    .forEach(document -> present.add(document.getString("change")));
        }
        List<Change> fresh = new ArrayList<>();
        for (Change change : changes) {
            if (present.add(change.changeId())) {
                fresh.add(change);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Document counter = mongo.getCollection(COUNTERS).findOneAndUpdate(Filters.eq("_id", SEQUENCE),
                Updates.inc("seq", (long) fresh.size()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long next = ((Number) counter.get("seq")).longValue() - fresh.size() + 1;
        List<FeedEntry> appended = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Change change : fresh) {
            FeedEntry entry = new FeedEntry(next++, change.changeId(), change.key(), change.measure(), change.period(),
                    change.dimensions(), change.values(), now, change.decimals());
            appended.add(entry);
            documents.add(document(entry));
        }
        // Ordered, so that entries become visible in sequence order to readers polling "after".
        entries().insertMany(documents, new InsertManyOptions().ordered(true));
        return appended;
    }

    /**
     * Reads the sequences after {@code sequence} by id, a slice at a time: sequences are handed out in order, so
     * the next entries are the next numbers, and a lookup by {@code _id} uses the primary index on every store
     * (the embedded one answers a range on {@code _id} by scanning and sorting the whole feed, which grows
     * forever). The read ends at the first slice that comes back short. Numbers an append took before it failed
     * leave a gap that the next read steps over, as long as something follows within {@code limit}; only when
     * nothing at all is found while the counter has handed out numbers beyond the numbers looked at is the feed
     * asked by range, which skips any gap. An append in progress is not waited for: its entries come with the next
     * read.
     */
    @Override
    public List<FeedEntry> after(long sequence, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<FeedEntry> found = new ArrayList<>();
        long next = sequence + 1;
        while (found.size() < limit) {
            int slice = Math.min(IN_SLICE, limit - found.size());
            List<Long> ids = LongStream.range(next, next + slice).boxed().toList();
            List<FeedEntry> page = new ArrayList<>();
            entries().find(Filters.in("_id", ids)).forEach(document -> page.add(entry(document)));
            page.sort(Comparator.comparingLong(FeedEntry::sequence));
            found.addAll(page);
            next += slice;
            if (page.size() < slice) {
                break;
            }
        }
        if (found.isEmpty() && handedOut() >= next) {
            return afterByRange(sequence, limit);
        }
        return found;
    }

    private List<FeedEntry> afterByRange(long sequence, int limit) {
        List<FeedEntry> found = new ArrayList<>();
        entries().find(Filters.gt("_id", sequence)).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(document -> found.add(entry(document)));
        return found;
    }

    /** @return the highest sequence handed out so far, whether or not its entry has been written */
    private long handedOut() {
        Document counter = mongo.getCollection(COUNTERS).find(Filters.eq("_id", SEQUENCE)).first();
        return counter == null ? FeedCursor.START : ((Number) counter.get("seq")).longValue();
    }

    @Override
    public long last() {
        Document last = entries().find().sort(Sorts.descending("_id")).projection(Projections.include("_id")).first();
        return last == null ? FeedCursor.START : ((Number) last.get("_id")).longValue();
    }

    /** One document read by {@code _id}, where {@link #last()} sorts the feed (the embedded store scans it for that). */
    @Override
    public long position() {
        return handedOut();
    }

    @Override
    public long progress(String relay) {
        Document progress = mongo.getCollection(PROGRESS).find(Filters.eq("_id", relay)).first();
        return progress == null ? FeedCursor.START : ((Number) progress.get("seq")).longValue();
    }

    @Override
    public void saveProgress(String relay, long sequence) {
        mongo.getCollection(PROGRESS).replaceOne(Filters.eq("_id", relay), new Document("_id", relay).append("seq", sequence),
                new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(COLLECTION);
    }

    private static Document document(FeedEntry entry) {
        Document document = new Document("_id", entry.sequence())
                .append("change", entry.changeId())
                .append("key", entry.key())
                .append("measure", entry.measure())
                .append("period", entry.period().value())
                .append("dimensions", new Document(new LinkedHashMap<>(entry.dimensions())))
                .append("values", new Document(new LinkedHashMap<>(entry.values())))
                .append("at", Date.from(entry.recordedAt()));
        if (entry.hasDecimals()) {
            // Decimal text, exact on every store (the embedded one has no Decimal128 arithmetic to trust).
            Document decimals = new Document();
            entry.decimals().forEach((name, value) -> decimals.append(name, value.toPlainString()));
            document.append("decimals", decimals);
        }
        return document;
    }

    private static FeedEntry entry(Document document) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        document.get("dimensions", Document.class).forEach((name, value) -> dimensions.put(name, (String) value));
        Map<String, Long> values = new LinkedHashMap<>();
        document.get("values", Document.class).forEach((name, value) -> values.put(name, ((Number) value).longValue()));
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        Document stored = document.get("decimals", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> decimals.put(name, new BigDecimal((String) value)));
        }
        return new FeedEntry(((Number) document.get("_id")).longValue(), document.getString("change"), document.getString("key"),
                document.getString("measure"), Period.parse(document.getString("period")), dimensions, values,
                document.getDate("at").toInstant(), decimals);
    }
}
