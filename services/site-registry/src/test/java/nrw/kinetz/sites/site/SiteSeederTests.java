package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.sites.site.domain.Site;

/** The seed and its sample history reproduce the public milestones of the network. */
class SiteSeederTests {

    private static final SiteId VIERSEN = SiteId.of("05166");

    private final InMemorySiteStore store = new InMemorySiteStore();

    @Test
    void seedsEach54SitesWithItsHistoryOfSixEvents() {
        seed(store);

        assertThat(store.all()).hasSize(54);
        assertThat(store.all()).extracting(s -> s.identity().siteId())
                .containsExactlyElementsOf(KiSites.all().stream().map(r -> r.siteId()).toList());
        assertThat(store.history(SiteId.of("05974")).orElseThrow()).<Object>extracting(EventEnvelope::type).containsExactly(
                SiteEventTypes.REGISTERED, SiteEventTypes.STAFFING_CHANGED, SiteEventTypes.STATUS_CHANGED,
                SiteEventTypes.STATUS_CHANGED, SiteEventTypes.STATUS_CHANGED, SiteEventTypes.FOCUS_AREAS_CHANGED);
        assertThat(store.allEvents()).filteredOn(e -> e.type() == SiteEventTypes.REGISTERED).hasSize(54);
    }

    @Test
    void seedingAgainAddsNothing() {
        seed(store);
        List<EventEnvelope<?>> first = store.allEvents();

        seed(store);

        assertThat(store.allEvents()).isEqualTo(first);
    }

    @Test
    void seedEventIdsAreTheSameInEveryFreshStoreSoARepublicationCountsOnce() {
        InMemorySiteStore other = new InMemorySiteStore();
        seed(store);
        seed(other);

        assertThat(other.allEvents()).extracting(EventEnvelope::id)
                .containsExactlyElementsOf(store.allEvents().stream().map(EventEnvelope::id).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void fortySevenWereEstablishedOnTheSecondOfDecember2013() {
        seed(store);

        NetworkSummary summary = NetworkSummary.of(store.all(), LocalDate.of(2013, 12, 2));

        assertThat(summary.byStatus()).containsEntry(SiteStatus.ESTABLISHED, 47);
    }

    @Test
    void fiftyTwoWereEstablishedInOctober2017AndTheFiftyThirdStartedThenKreisViersen() {
        seed(store);
        LocalDate endOfOctober = LocalDate.of(2017, 10, 31);

        NetworkSummary summary = NetworkSummary.of(store.all(), endOfOctober);

        assertThat(summary.byStatus()).containsEntry(SiteStatus.ESTABLISHED, 52).containsEntry(SiteStatus.START_PHASE, 1);
        assertThat(site(VIERSEN).lifecycle().statusOn(endOfOctober)).contains(SiteStatus.START_PHASE);
        assertThat(site(VIERSEN).lifecycle().reached(SiteStatus.START_PHASE).orElseThrow()).hasYear(2017).hasMonthValue(10);
    }

    @Test
    void theFirstSixteenWereFundedIn2012() {
        seed(store);

        Set<String> fundedIn2012 = store.all().stream()
                .filter(s -> s.lifecycle().reached(SiteStatus.FUNDED).orElseThrow().getYear() == 2012)
                .map(s -> s.identity().name()).collect(Collectors.toSet());

        assertThat(fundedIn2012).containsExactlyInAnyOrder("Kreis Soest", "Kreis Gütersloh", "Kreis Olpe", "Kreis Heinsberg",
                "Kreis Düren", "Kreis Unna", "Kreis Paderborn", "Kreis Warendorf", "Kreis Mettmann", "Kreis Lippe",
                "Ennepe-Ruhr-Kreis", "Märkischer Kreis", "Hagen", "Mülheim an der Ruhr", "Solingen", "Wuppertal");
        assertThat(store.all()).allSatisfy(s -> assertThat(s.lifecycle().reached(SiteStatus.FUNDED).orElseThrow()).isAfter(LocalDate.of(2011, 12, 31)));
    }

    @Test
    void kreisViersenDecidedSecondToLast() {
        seed(store);

        List<SiteId> byDecision = store.all().stream()
                .sorted(Comparator.comparing(s -> s.lifecycle().reached(SiteStatus.DECIDED).orElseThrow()))
                .map(s -> s.identity().siteId()).toList();

        assertThat(byDecision.get(byDecision.size() - 2)).isEqualTo(VIERSEN);
    }

    @Test
    void theCityOfAachensKiIsAmongTheEarlyOnes() {
        seed(store);

        assertThat(site(SiteId.AACHEN_CITY).lifecycle().reached(SiteStatus.ESTABLISHED).orElseThrow())
                .isBefore(LocalDate.of(2013, 7, 1));
    }

    @Test
    void todayEverySeededSiteIsEstablishedWithTheDefaultStaffingAndItsFocus() {
        seed(store);

        assertThat(store.all()).allSatisfy(site -> {
            assertThat(site.status()).isEqualTo(SiteStatus.ESTABLISHED);
            assertThat(site.staffing().totalFte()).isEqualByComparingTo("5.5");
            assertThat(site.focus().focusAreas()).isNotEmpty();
            assertThat(site.focus().programs()).contains(Program.KI_GRUNDFOERDERUNG);
        });
    }

    private Site site(SiteId siteId) {
        Map<SiteId, Site> byId = store.all().stream().collect(Collectors.toMap(s -> s.identity().siteId(), Function.identity()));
        return byId.get(siteId);
    }

    private static void seed(InMemorySiteStore store) {
        SiteService service = new SiteService(store, () -> {
        }, Clock.system(ZoneId.of("Europe/Berlin")));
        new SiteSeeder(store, service, () -> {
        }).run(null);
    }
}
