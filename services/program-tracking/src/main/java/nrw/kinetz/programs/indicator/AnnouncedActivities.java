package nrw.kinetz.programs.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How far into {@code ki.activities.v1} the indicators had read, and so announced, before the last rebuild: per
 * partition, the first offset not yet read. A rebuild replays the topic from its beginning; the records below these
 * offsets were applied before and their {@code IndicatorProgressed} events published, so the replay takes them into
 * the figures without announcing them again. Kept in the store (collection {@value #COLLECTION}), so a rebuild
 * interrupted by a restart still knows.
 */
@Component
class AnnouncedActivities {

    static final String COLLECTION = "indicator_announced";

    private final MongoTemplate mongo;
    private volatile Map<Integer, Long> until;

    AnnouncedActivities(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether the record at {@code offset} of {@code partition} was read, and announced, before the last rebuild */
    boolean announced(int partition, long offset) {
        Map<Integer, Long> marks = until;
        if (marks == null) {
            marks = load();
            until = marks;
        }
        Long mark = marks.get(partition);
        return mark != null && offset < mark;
    }

    /** @return the first offset of {@code partition} not read before the last rebuild, 0 if none was */
    long until(int partition) {
        announced(partition, 0);
        return until.getOrDefault(partition, 0L);
    }

    /** Replaces the marks: {@code next} holds, per partition, the first offset the indicators had not read. */
    void replace(Map<Integer, Long> next) {
        mongo.remove(new Query(), COLLECTION);
        List<Document> documents = next.entrySet().stream()
                .map(e -> new Document("_id", e.getKey()).append("until", e.getValue())).toList();
        if (!documents.isEmpty()) {
            mongo.getCollection(COLLECTION).insertMany(documents);
        }
        until = Map.copyOf(next);
    }

    private Map<Integer, Long> load() {
        Map<Integer, Long> marks = new HashMap<>();
        mongo.getCollection(COLLECTION).find()
                .forEach(d -> marks.put(((Number) d.get("_id")).intValue(), ((Number) d.get("until")).longValue()));
        return Map.copyOf(marks);
    }
}
