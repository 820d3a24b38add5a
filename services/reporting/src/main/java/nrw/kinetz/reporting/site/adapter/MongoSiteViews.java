package nrw.kinetz.reporting.site.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.reporting.site.Delivery;
import nrw.kinetz.reporting.site.SiteView;
import nrw.kinetz.reporting.site.SiteViews;

/**
 * The read model "sites" in reporting's own database: one document per site, {@code _id} = site id.
 *
 * <p>Everything is stored as plain strings and numbers (codes, ISO dates, UUID text), so the documents read
 * the same in a MongoDB shell, on the embedded store and after a driver upgrade, and no converter decides a
 * time zone for a date, full-time equivalents as decimal text. The current {@code status}, {@code statusSince}
 * and {@code fte} are written next to the histories for people and indexes; the histories are what is read back.
 *
 * <p>Every write marks the document {@code dirty} (docs/architecture.md#outbox: the change and its announcement are
 * one write); {@link SiteChanges} hands the marked sites to the feed and clears the mark of the revision it fed.
 */
public class MongoSiteViews implements SiteViews {

    public static final String COLLECTION = "sites";

    private final MongoOperations mongo;

    public MongoSiteViews(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<SiteView> find(SiteId siteId) {
        return Optional.ofNullable(mongo.findById(siteId.value(), SiteDocument.class, COLLECTION)).map(SiteDocument::toView);
    }

    @Override
    public void save(SiteView view) {
        SiteDocument document = SiteDocument.of(view);
        if (view.revision() == 1) {
            // A concurrent first write makes this fail with a duplicate key: the redelivery sorts it out.
            mongo.insert(document, COLLECTION);
            return;
        }
        var predecessor = query(where("_id").is(document.id()).and("revision").is(view.revision() - 1));
        if (mongo.replace(predecessor, document, COLLECTION).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("site view " + document.id() + " is no longer at revision "
                    + (view.revision() - 1) + "; the event will be redelivered and re-checked");
        }
    }

    @Override
    public List<SiteView> registered() {
        return mongo.find(query(where("registration").ne(null)), SiteDocument.class, COLLECTION).stream()
                .map(SiteDocument::toView)
                .sorted(Comparator.comparing(view -> view.siteId().value()))
                .toList();
    }

    public static final String DIRTY = "dirty";

    /**
     * @param siteIds the sites to look at, null for any
     * @return up to {@code limit} sites changed since they were last fed
     */
    public List<SiteView> dirty(Collection<String> siteIds, int limit) {
        Query query = query(where(DIRTY).is(true));
        if (siteIds != null) {
            query.addCriteria(where("_id").in(siteIds));
        }
        return mongo.find(query.limit(limit), SiteDocument.class, COLLECTION).stream().map(SiteDocument::toView).toList();
    }

    /** Clears the mark, unless the site has changed again since {@code revision} and is still to be fed. */
    public void fed(String siteId, long revision) {
        mongo.updateFirst(query(where("_id").is(siteId).and("revision").is(revision)), new Update().set(DIRTY, false),
                COLLECTION);
    }

    /** The stored form of a {@link SiteView}; {@code dirty} while its latest revision is not in the feed. */
    public record SiteDocument(@Id String id, RegistrationDocument registration, String status, String statusSince,
            List<StatusStepDocument> statusHistory, PositionDocument lastDelivery, List<String> appliedEventIds,
            long revision, String fte, List<StaffingStepDocument> staffingHistory, Boolean dirty) {

        static SiteDocument of(SiteView view) {
            SiteView.Registration r = view.registration();
            return new SiteDocument(view.siteId().value(),
                    r == null ? null : new RegistrationDocument(r.name(), r.territoryKind().name(),
                            r.regierungsbezirk().name(), r.districtKey().value(), r.population()),
                    view.status().map(SiteStatus::name).orElse(null),
                    view.statusSince().map(LocalDate::toString).orElse(null),
                    view.statusHistory().stream().map(s -> new StatusStepDocument(s.status().name(), s.since().toString())).toList(),
                    view.lastDelivery() == null ? null
                            : new PositionDocument(view.lastDelivery().eventId().toString(), view.lastDelivery().partition(),
                                    view.lastDelivery().offset()),
                    view.appliedEventIds().stream().map(UUID::toString).toList(),
                    view.revision(),
                    view.fte().toPlainString(),
                    view.staffingHistory().stream()
                            .map(s -> new StaffingStepDocument(s.fte().toPlainString(), s.since().toString())).toList(),
                    true);
        }

        SiteView toView() {
            RegistrationDocument r = registration;
            return new SiteView(new SiteId(id),
                    r == null ? null : new SiteView.Registration(r.name(), TerritoryKind.valueOf(r.territoryKind()),
                            Regierungsbezirk.valueOf(r.regierungsbezirk()), new DistrictKey(r.districtKey()), r.population()),
                    statusHistory == null ? List.of() : statusHistory.stream()
                            .map(s -> new SiteView.StatusStep(SiteStatus.valueOf(s.status()), LocalDate.parse(s.since())))
                            .toList(),
                    lastDelivery == null ? null
                            : new Delivery(UUID.fromString(lastDelivery.eventId()), lastDelivery.partition(), lastDelivery.offset()),
                    appliedEventIds == null ? List.of() : appliedEventIds.stream().map(UUID::fromString).toList(),
                    revision,
                    staffingHistory == null ? List.of() : staffingHistory.stream()
                            .map(s -> new SiteView.StaffingStep(new BigDecimal(s.fte()), LocalDate.parse(s.since())))
                            .toList());
        }
    }

    public record RegistrationDocument(String name, String territoryKind, String regierungsbezirk, String districtKey,
            long population) {
    }

    public record StatusStepDocument(String status, String since) {
    }

    /** Full-time equivalents as decimal text, exact as the event carried them. */
    public record StaffingStepDocument(String fte, String since) {
    }

    public record PositionDocument(String eventId, int partition, long offset) {
    }
}
