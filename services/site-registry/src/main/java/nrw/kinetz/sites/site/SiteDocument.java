package nrw.kinetz.sites.site;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.EventTypes;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.PostalAddress;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.sites.site.domain.Lifecycle;
import nrw.kinetz.sites.site.domain.LifecycleStep;
import nrw.kinetz.sites.site.domain.Site;
import nrw.kinetz.sites.site.domain.SiteIdentity;
import nrw.kinetz.sites.site.domain.StaffingPlan;
import nrw.kinetz.sites.site.domain.WorkFocus;

/**
 * One site in MongoDB: its state, its recent events ({@code history}) and the ids of those not yet published
 * ({@code pendingEventIds}) — one document, so a change and its events are written atomically on any MongoDB.
 * Published events move on to the archive collection, so the document stays small however often the site changes
 * ({@link MongoSiteStore}). Dates and decimals are stored as ISO text, which sorts and compares correctly and survives
 * every driver and time zone unchanged; {@code status} and {@code regierungsbezirk} are copied to the top
 * level so the list filters are plain field matches.
 */
@Document(MongoSiteStore.COLLECTION)
record SiteDocument(@Id String id, long version, String name, String territoryKind, String regierungsbezirk,
        String districtKey, long population, String status, String statusSince, List<Step> lifecycle,
        List<Post> staffing, List<String> focusAreas, List<String> programs, ContactDocument contact,
        List<StoredEvent> history, List<String> pendingEventIds) {

    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String REGIERUNGSBEZIRK = "regierungsbezirk";
    static final String FOCUS_AREAS = "focusAreas";
    static final String PROGRAMS = "programs";
    static final String HISTORY = "history";
    static final String PENDING = "pendingEventIds";

    record Step(String status, String since) {
    }

    record Post(String kind, String title, String fte, String fundedBy, String program) {
    }

    record ContactDocument(String street, String postalCode, String city, String email, String phone, String head) {
    }

    /**
     * An event exactly as published: the payload is kept as its JSON text, so a re-publication is identical.
     * {@code sequence} orders a site's events across the document and the archive ({@link MongoSiteStore}); it is
     * absent on events stored before there was an archive.
     */
    record StoredEvent(String eventId, String type, String source, String time, String subject, String data, Long sequence) {

        /** Events per change are far fewer than this, so version and position in the change give a total order. */
        static final long PER_VERSION = 1000;

        static StoredEvent of(EventEnvelope<?> event, long version, int index) {
            return new StoredEvent(event.id().toString(), event.type().name(), event.source().toString(),
                    event.time().toString(), event.subject(), EventJson.mapper().writeValueAsString(event.data()),
                    version * PER_VERSION + index);
        }

        static List<StoredEvent> of(List<EventEnvelope<?>> events, long version) {
            List<StoredEvent> stored = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                stored.add(of(events.get(i), version, i));
            }
            return stored;
        }

        EventEnvelope<?> toEnvelope() {
            EventType<?> type = EventTypes.byName(this.type)
                    .orElseThrow(() -> new IllegalStateException("stored event " + eventId + " has unknown type " + this.type));
            return envelope(type);
        }

        private <T> EventEnvelope<T> envelope(EventType<T> type) {
            return new EventEnvelope<>(UUID.fromString(eventId), URI.create(source), type, OffsetDateTime.parse(time), subject,
                    EventJson.mapper().readValue(data, type.payloadType()));
        }
    }

    /** The document of a new site at version 1, all its events pending. */
    static SiteDocument newSite(Site site, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.of(events, 1);
        return new SiteDocument(site.identity().siteId().value(), 1, site.identity().name(),
                site.identity().territoryKind().name(), site.identity().regierungsbezirk().name(),
                site.identity().districtKey().value(), site.identity().population(), site.status().name(),
                site.lifecycle().currentSince().toString(), steps(site), posts(site), focusAreas(site), programs(site),
                contact(site), stored, stored.stream().map(StoredEvent::eventId).toList());
    }

    static List<Step> steps(Site site) {
        return site.lifecycle().steps().stream().map(s -> new Step(s.status().name(), s.since().toString())).toList();
    }

    static List<Post> posts(Site site) {
        return site.staffing().posts().stream().map(p -> new Post(p.kind().name(), p.title(), p.fte().toPlainString(),
                p.fundedBy().name(), p.program() == null ? null : p.program().name())).toList();
    }

    static List<String> focusAreas(Site site) {
        return site.focus().focusAreas().stream().map(Enum::name).toList();
    }

    static List<String> programs(Site site) {
        return site.focus().programs().stream().map(Enum::name).toList();
    }

    static ContactDocument contact(Site site) {
        return site.contact().map(c -> new ContactDocument(c.office().street(), c.office().postalCode(), c.office().city(),
                c.email(), c.phone(), c.head())).orElse(null);
    }

    StoredSite toStoredSite() {
        SiteIdentity identity = new SiteIdentity(SiteId.of(id), name, TerritoryKind.valueOf(territoryKind), population);
        Lifecycle steps = Lifecycle.of(lifecycle.stream()
                .map(s -> new LifecycleStep(SiteStatus.valueOf(s.status()), LocalDate.parse(s.since()))).toList());
        StaffingPlan plan = StaffingPlan.of(orEmpty(staffing).stream().map(p -> new StaffPost(PostKind.valueOf(p.kind()),
                p.title(), new BigDecimal(p.fte()), FundingSource.valueOf(p.fundedBy()),
                p.program() == null ? null : Program.valueOf(p.program()))).toList());
        WorkFocus focus = WorkFocus.of(orEmpty(focusAreas).stream().map(FocusArea::valueOf).toList(),
                orEmpty(programs).stream().map(Program::valueOf).toList());
        Contact storedContact = contact == null ? null : new Contact(
                new PostalAddress(contact.street(), contact.postalCode(), contact.city()), contact.email(), contact.phone(),
                contact.head());
        return new StoredSite(Site.restore(identity, steps, plan, focus, storedContact), version);
    }

    /** Lists a query left out by projection arrive as null. */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
