package nrw.kinetz.programs.measure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.programs.measure.domain.Measure;
import nrw.kinetz.programs.outbox.OutboxCollection;
import nrw.kinetz.programs.outbox.StoredEvent;

/**
 * The measures in MongoDB, {@code _id} = {@code <siteId>/<measureId>}, each with the events that announced it.
 * Single-document writes only; a change is a compare-and-set on the version.
 */
@Component
public class MeasureStore {

    static final String COLLECTION = "measures";

    private final MongoTemplate mongo;

    MeasureStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutboxCollection measuresOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    /** A measure with the version that is its {@code ETag}. */
    public record StoredMeasure(Measure measure, long version) {

        String etag() {
            return "\"" + version + "\"";
        }
    }

    record MeasureDocument(@Id String id, String siteId, String measureId, String program, String block, String title,
            String startsOn, String endsOn, Map<String, Long> targets, String completedOn, long version,
            List<StoredEvent> events, List<String> pendingEventIds) {

        StoredMeasure toStored() {
            Map<Indicator, Long> parsed = new EnumMap<>(Indicator.class);
            (targets == null ? Map.<String, Long>of() : targets).forEach((k, v) -> parsed.put(Indicator.valueOf(k), v));
            return new StoredMeasure(new Measure(SiteId.of(siteId), measureId, Program.valueOf(program),
                    block == null ? null : Program.Block.valueOf(block), title, LocalDate.parse(startsOn),
                    LocalDate.parse(endsOn), parsed, completedOn == null ? null : LocalDate.parse(completedOn)), version);
        }
    }

    static String key(SiteId siteId, String measureId) {
        return siteId.value() + "/" + measureId;
    }

    public Optional<StoredMeasure> find(SiteId siteId, String measureId) {
        return Optional.ofNullable(mongo.findOne(withoutEvents(query(where("_id").is(key(siteId, measureId)))),
                MeasureDocument.class, COLLECTION)).map(MeasureDocument::toStored);
    }

    /**
     * Stores a measure at version 1 with its events (a seeded one may be completed already).
     *
     * @return {@code false} if the site has a measure with this reference already
     */
    boolean insert(Measure measure, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.all(events);
        Map<String, Long> targets = new LinkedHashMap<>();
        measure.targets().forEach((k, v) -> targets.put(k.name(), v));
        try {
            mongo.insert(new MeasureDocument(key(measure.siteId(), measure.measureId()), measure.siteId().value(),
                    measure.measureId(), measure.program().name(), measure.block() == null ? null : measure.block().name(),
                    measure.title(), measure.startsOn().toString(), measure.endsOn().toString(), targets,
                    measure.completedOn() == null ? null : measure.completedOn().toString(), 1, stored,
                    stored.stream().map(StoredEvent::eventId).toList()), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    boolean complete(Measure measure, long expectedVersion, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.all(events);
        Update update = new Update().set("completedOn", measure.completedOn().toString()).inc("version", 1);
        update.push(StoredEvent.EVENTS).each(stored.toArray());
        update.push(StoredEvent.PENDING).each(StoredEvent.ids(stored));
        return mongo.updateFirst(query(where("_id").is(key(measure.siteId(), measure.measureId())).and("version")
                .is(expectedVersion)), update, COLLECTION).getModifiedCount() == 1;
    }

    /** A site's measures (of one programme, if given), ordered by reference. */
    public List<StoredMeasure> of(SiteId siteId, Program program) {
        Criteria criteria = where("siteId").is(siteId.value());
        if (program != null) {
            criteria = criteria.and("program").is(program.name());
        }
        return mongo.find(withoutEvents(query(criteria)).with(Sort.by("measureId")), MeasureDocument.class, COLLECTION)
                .stream().map(MeasureDocument::toStored).toList();
    }

    /** Every measure, ordered by site and reference. */
    public List<StoredMeasure> all() {
        return mongo.find(withoutEvents(new Query()).with(Sort.by("_id")), MeasureDocument.class, COLLECTION).stream()
                .map(MeasureDocument::toStored).toList();
    }

    private static Query withoutEvents(Query query) {
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING);
        return query;
    }
}
