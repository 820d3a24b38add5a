package nrw.kinetz.reporting.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.model.site.StaffingChanged;

/** Site events as the site registry publishes them, for tests. */
public final class SiteEvents {

    public static final SiteId VIERSEN = SiteId.of("05166");
    public static final SiteId SOEST = SiteId.of("05974");

    private SiteEvents() {
    }

    public static SiteRegistered registration(KiSiteReference site, SiteStatus status, LocalDate since) {
        return new SiteRegistered(site.siteId(), site.name(), site.territoryKind(), site.regierungsbezirk(),
                site.districtKey(), site.population(), status, since);
    }

    public static SiteRegistered registration(SiteId siteId, SiteStatus status, LocalDate since) {
        return registration(KiSites.get(siteId), status, since);
    }

    /** One registration per KI site, each with a new {@code ce_id}, all in {@code status} since {@code since}. */
    public static List<EventEnvelope<SiteRegistered>> registrationsOfAllSites(SiteStatus status, LocalDate since) {
        return KiSites.all().stream().map(site -> envelope(registration(site, status, since))).toList();
    }

    public static EventEnvelope<SiteRegistered> envelope(SiteRegistered event) {
        return EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                event.siteId().value(), event);
    }

    public static EventEnvelope<SiteStatusChanged> statusChange(SiteId siteId, SiteStatus from, SiteStatus to, LocalDate effectiveOn) {
        return EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.STATUS_CHANGED,
                siteId.value(), new SiteStatusChanged(siteId, from, to, effectiveOn));
    }

    /** A plan of one post with {@code fte} full-time equivalents, as the site registry publishes it. */
    public static StaffingChanged staffing(SiteId siteId, String fte) {
        return new StaffingChanged(siteId, List.of(new StaffPost(PostKind.LEHRKRAFT, "Lehrkraft", new BigDecimal(fte),
                FundingSource.STATE, null)), new BigDecimal(fte));
    }

    public static EventEnvelope<StaffingChanged> staffingChange(SiteId siteId, String fte) {
        return EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.STAFFING_CHANGED,
                siteId.value(), staffing(siteId, fte));
    }
}
