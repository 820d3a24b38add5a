package nrw.kinetz.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.model.site.StaffingChanged;

/**
 * A network worth looking at, published as site-registry and the intake publish it: the 54 KIs in their
 * lifecycle and a quarter's first activities in a few focus areas ({@link #BUSY_FOCUS_AREAS}), so that the
 * page — and the screenshot in the README — shows more than zeros.
 */
public final class DashboardScenery {

    /** The focus areas the scenery reports activities in; the test's own activity goes elsewhere. */
    public static final Set<FocusArea> BUSY_FOCUS_AREAS = EnumSet.of(FocusArea.SCHULE_SPRACHBILDUNG, FocusArea.SEITENEINSTEIGERBERATUNG,
            FocusArea.ELTERNBILDUNG, FocusArea.ARBEIT, FocusArea.SPORT, FocusArea.EHRENAMT);

    private DashboardScenery() {
    }

    /** @return the number of activities published */
    public static int publish(EventPublisher publisher, LocalDate today) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<KiSiteReference> sites = KiSites.all();
        for (int i = 0; i < sites.size(); i++) {
            // Most KIs are long established; the last ones are still on their way, as in the network's history.
            SiteStatus status = switch (sites.size() - i) {
                case 1 -> SiteStatus.DECIDED;
                case 2 -> SiteStatus.FUNDED;
                case 3, 4 -> SiteStatus.START_PHASE;
                default -> SiteStatus.ESTABLISHED;
            };
            KiSiteReference site = sites.get(i);
            var registered = new SiteRegistered(site.siteId(), site.name(), site.territoryKind(), site.regierungsbezirk(),
                    site.districtKey(), site.population(), status, LocalDate.of(2013, 12, 1));
            events.add(EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                    site.siteId().value(), registered));
            // The state's default plan (5.5 posts), as the site registry announces it with every registration.
            var staffing = new StaffingChanged(site.siteId(), List.of(
                    new StaffPost(PostKind.LEHRKRAFT, "Lehrkraft", new BigDecimal("2"), FundingSource.STATE, null),
                    new StaffPost(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, "Fachkraft", new BigDecimal("2"), FundingSource.STATE, null),
                    new StaffPost(PostKind.VERWALTUNGSKRAFT, "Verwaltung", new BigDecimal("1"), FundingSource.STATE, null),
                    new StaffPost(PostKind.TECHNISCH_ORGANISATORISCHE_KRAFT, "Technik", new BigDecimal("0.5"), FundingSource.STATE, null)),
                    new BigDecimal("5.5"));
            events.add(EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.STAFFING_CHANGED,
                    site.siteId().value(), staffing));
        }
        List<ActivityReported> activities = List.of(
                activity("05111", today, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.FORTBILDUNG, 24, 0),
                activity("05111", today, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.NETZWERKTREFFEN, 18, 0),
                activity("05315", today, FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.ERSTBERATUNG_SEITENEINSTEIGER, 12, 0),
                activity("05315", today, FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.BERATUNG, 7, 0),
                activity("05913", today, FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.ERSTBERATUNG_SEITENEINSTEIGER, 9, 0),
                activity("05515", today, FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, 11, 2),
                activity("05711", today, FocusArea.ARBEIT, ActivityType.PROJEKT, 15, 0),
                activity("05913", today, FocusArea.SPORT, ActivityType.VERANSTALTUNG, 40, 6),
                activity("05974", today, FocusArea.EHRENAMT, ActivityType.EHRENAMT_BEGLEITUNG, 6, 3));
        activities.forEach(activity -> events.add(EventEnvelope.of(activity.activityId(), EventSource.site(activity.siteId()),
                ActivityEventTypes.REPORTED, activity.siteId().value(), activity)));
        CompletableFuture.allOf(events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS).join();
        return activities.size();
    }

    private static ActivityReported activity(String site, LocalDate on, FocusArea focusArea, ActivityType type,
            int participants, int volunteers) {
        return new ActivityReported(UUID.randomUUID(), SiteId.of(site), on, focusArea.field(), focusArea, type, null, null,
                null, new ActivityMetrics(participants, volunteers, 1, 2), null);
    }
}
