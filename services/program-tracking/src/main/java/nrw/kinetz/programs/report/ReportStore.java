package nrw.kinetz.programs.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorFigure;
import nrw.kinetz.programs.outbox.OutboxCollection;
import nrw.kinetz.programs.outbox.StoredEvent;
import nrw.kinetz.programs.report.domain.PeriodReport;
import nrw.kinetz.programs.report.domain.ReportStatus;

/**
 * The period reports in MongoDB, {@code _id} = {@code <siteId>/<program>/<budgetYear>}: the report, its
 * corrections (activities that arrived after the figures were taken, each recorded once by its event id) and its
 * events. Single-document writes only; decisions are a compare-and-set on the version, corrections are guarded
 * by their count and their event id and leave the version alone, so they never invalidate a reviewer's ETag.
 */
@Component
class ReportStore {

    static final String COLLECTION = "reports";

    private final MongoTemplate mongo;

    ReportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutboxCollection reportsOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    record FigureDocument(String block, String measureId, String indicator, long actual, Long target) {
    }

    record StepDocument(String status, String on, String comment) {
    }

    record CorrectionDocument(String activityId, boolean retraction, String occurredOn, long eventTime) {
    }

    record ReportDocument(@Id String id, String reportId, String siteId, String program, int budgetYear, String status,
            long submittedAt, String submittedOn, List<FigureDocument> figures, List<StepDocument> steps,
            List<CorrectionDocument> corrections, List<String> correctionKeys, int correctionCount, long version) {

        StoredReport toStored() {
            PeriodReport report = new PeriodReport(UUID.fromString(reportId), SiteId.of(siteId), Program.valueOf(program),
                    budgetYear, ReportStatus.valueOf(status), submittedAt, LocalDate.parse(submittedOn),
                    orEmpty(figures).stream().map(f -> new IndicatorFigure(f.block() == null ? null : Program.Block.valueOf(f.block()),
                            f.measureId(), Indicator.valueOf(f.indicator()), f.actual(), f.target())).toList(),
                    orEmpty(steps).stream().map(s -> new PeriodReport.Step(ReportStatus.valueOf(s.status()), LocalDate.parse(s.on()),
                            s.comment())).toList());
            return new StoredReport(report, version, orEmpty(corrections), correctionCount);
        }
    }

    /** A report as stored: its version (the ETag) and the corrections recorded since its figures were taken. */
    record StoredReport(PeriodReport report, long version, List<CorrectionDocument> corrections, int correctionCount) {

        String etag() {
            return "\"" + version + "\"";
        }
    }

    static String key(SiteId siteId, Program program, int budgetYear) {
        return siteId.value() + "/" + program.name() + "/" + budgetYear;
    }

    Optional<StoredReport> find(SiteId siteId, Program program, int budgetYear) {
        return Optional.ofNullable(mongo.findOne(withoutEvents(query(where("_id").is(key(siteId, program, budgetYear)))),
                ReportDocument.class, COLLECTION)).map(ReportDocument::toStored);
    }

    /** @return false if a report for the period exists already */
    boolean insert(PeriodReport report, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.all(events);
        Update update = state(report).set("version", 1L).set("corrections", List.of()).set("correctionKeys", List.of())
                .set("correctionCount", 0);
        update.set(StoredEvent.EVENTS, stored).set(StoredEvent.PENDING, stored.stream().map(StoredEvent::eventId).toList());
        // An upsert that can only insert: a stored report has a version, so the filter misses it and the insert
        // fails on the duplicate _id.
        Query absent = query(where("_id").is(key(report.siteId(), report.program(), report.budgetYear()))
                .and("version").exists(false));
        try {
            mongo.upsert(absent, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Stores a decision if the version is still {@code expectedVersion}; a new submission also starts the
     * corrections afresh, because its figures include everything that arrived before it.
     */
    boolean update(PeriodReport report, long expectedVersion, boolean newSubmission, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.all(events);
        Update update = state(report).inc("version", 1);
        if (newSubmission) {
            update.set("corrections", List.of()).set("correctionKeys", List.of()).set("correctionCount", 0);
        }
        update.push(StoredEvent.EVENTS).each(stored.toArray());
        update.push(StoredEvent.PENDING).each(StoredEvent.ids(stored));
        return mongo.updateFirst(query(where("_id").is(key(report.siteId(), report.program(), report.budgetYear()))
                .and("version").is(expectedVersion)), update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Records one correction once: only while the figures taken at {@code submittedAt} are still the report's, the
     * count is still {@code count}, and the event was not recorded before.
     */
    boolean recordCorrection(String reportKey, long submittedAt, int count, String eventKey, CorrectionDocument correction,
            EventEnvelope<?> event) {
        StoredEvent stored = StoredEvent.of(event);
        Update update = new Update().push("corrections", correction).push("correctionKeys", eventKey).inc("correctionCount", 1)
                .push(StoredEvent.EVENTS, stored).push(StoredEvent.PENDING, stored.eventId());
        Query guard = query(where("_id").is(reportKey).and("submittedAt").is(submittedAt).and("correctionCount").is(count)
                .and("correctionKeys").ne(eventKey));
        return mongo.updateFirst(guard, update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Reports among {@code keys} whose figures are fixed (submitted or accepted), by key, with the time their figures
     * were taken. Asked once per poll of activities, so read with the driver: mapping the query and a document per report
     * with the template cost as much as the store's answer.
     */
    Map<String, Long> frozen(Collection<String> keys) {
        Map<String, Long> frozen = new HashMap<>();
        // By id alone, the status checked here: the embedded store answers only a query on _id and nothing else from
        // its primary index, and scans the collection for any other.
        mongo.getCollection(COLLECTION)
                .find(Filters.in("_id", keys))
                .projection(Projections.include("submittedAt", "status"))
                .forEach(document -> {
                    if (ReportStatus.valueOf(document.getString("status")).freezesFigures()) {
                        frozen.put(document.getString("_id"), document.get("submittedAt", Number.class).longValue());
                    }
                });
        return frozen;
    }

    Optional<ReportDocument> document(String key) {
        Query query = query(where("_id").is(key));
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING).exclude("figures").exclude("corrections");
        return Optional.ofNullable(mongo.findOne(query, ReportDocument.class, COLLECTION));
    }

    List<StoredReport> list(SiteId site, Program program, Integer year, ReportStatus status) {
        List<Criteria> all = new ArrayList<>();
        if (site != null) {
            all.add(where("siteId").is(site.value()));
        }
        if (program != null) {
            all.add(where("program").is(program.name()));
        }
        if (year != null) {
            all.add(where("budgetYear").is(year));
        }
        if (status != null) {
            all.add(where("status").is(status.name()));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        return mongo.find(withoutEvents(query(criteria)).with(Sort.by("_id")), ReportDocument.class, COLLECTION).stream()
                .map(ReportDocument::toStored).toList();
    }

    private static Update state(PeriodReport report) {
        return new Update()
                .set("reportId", report.reportId().toString())
                .set("siteId", report.siteId().value())
                .set("program", report.program().name())
                .set("budgetYear", report.budgetYear())
                .set("status", report.status().name())
                .set("submittedAt", report.submittedAt())
                .set("submittedOn", report.submittedOn().toString())
                .set("figures", report.figures().stream().map(f -> new FigureDocument(f.block() == null ? null : f.block().name(),
                        f.measureId(), f.indicator().name(), f.actual(), f.target())).toList())
                .set("steps", report.steps().stream().map(s -> new StepDocument(s.status().name(), s.on().toString(),
                        s.comment())).toList());
    }

    private static Query withoutEvents(Query query) {
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING);
        return query;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
