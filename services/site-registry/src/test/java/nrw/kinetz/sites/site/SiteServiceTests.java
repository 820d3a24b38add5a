package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.StaffPost;

class SiteServiceTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 23:30 in Berlin is already the next day in UTC: "today" must be the Berlin day. */
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2025, 6, 30, 23, 30, 0, 0, BERLIN).toInstant(), BERLIN);
    private static final SiteId SITE = SiteId.of("05990");

    private final InMemorySiteStore store = new InMemorySiteStore();
    private final AtomicInteger signals = new AtomicInteger();
    private final SiteService service = new SiteService(store, signals::incrementAndGet, CLOCK);

    @Test
    void registeringStoresVersionOneWithItsEventsPendingAndWakesTheRelay() {
        StoredSite site = register();

        assertThat(site.version()).isEqualTo(1);
        assertThat(site.etag()).isEqualTo("\"1\"");
        assertThat(store.pending(10)).singleElement().satisfies(p -> assertThat(p.events())
                .<Object>extracting(EventEnvelope::type).containsExactly(SiteEventTypes.REGISTERED, SiteEventTypes.STAFFING_CHANGED));
        assertThat(signals).hasValue(1);
        assertThat(store.allEvents()).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo("05990");
            assertThat(e.source()).hasToString("/services/site-registry");
        });
    }

    @Test
    void registeringTheSameSiteTwiceIsAConflictAndStoresNothingMore() {
        register();

        assertThatThrownBy(this::register).isInstanceOfSatisfying(ApplicationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThat(store.allEvents()).hasSize(2);
    }

    @Test
    void withoutStatusAndDateASiteIsRegisteredAsDecidedTodayInBerlin() {
        StoredSite site = service.register(SITE, "Testkreis", TerritoryKind.KREIS, 1000, null, null);

        assertThat(site.site().status()).isEqualTo(SiteStatus.DECIDED);
        assertThat(site.site().lifecycle().currentSince()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        register();

        assertThatThrownBy(() -> service.changeStatus(SITE, null, SiteStatus.FUNDED, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> service.changeStatus(SITE, "*", SiteStatus.FUNDED, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_REQUIRED));
        assertUnchanged();
    }

    @Test
    void aChangeAgainstAnOlderVersionIs412NamingTheCurrentETagAndChangesNothing() {
        register();
        service.changeStatus(SITE, "\"1\"", SiteStatus.FUNDED, null);

        assertThatThrownBy(() -> service.changeStatus(SITE, "\"1\"", SiteStatus.START_PHASE, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED);
                    assertThat(e.currentVersion()).hasValue("\"2\"");
                });
        assertThat(service.get(SITE).site().status()).isEqualTo(SiteStatus.FUNDED);
        assertThat(service.get(SITE).version()).isEqualTo(2);
    }

    @Test
    void aChangeThatLosesTheRaceAgainstAnotherIs412() {
        register();
        store.beforeUpdate = () -> {
            store.beforeUpdate = () -> {
            };
            service.changeStatus(SITE, "\"1\"", SiteStatus.CLOSED, null);
        };

        assertThatThrownBy(() -> service.changeStatus(SITE, "\"1\"", SiteStatus.FUNDED, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED));
        assertThat(service.get(SITE).site().status()).isEqualTo(SiteStatus.CLOSED);
    }

    @Test
    void theCurrentETagAmongSeveralOrWrittenBareMatches() {
        register();

        assertThat(service.changeStatus(SITE, "\"7\", \"1\"", SiteStatus.FUNDED, null).version()).isEqualTo(2);
        assertThat(service.changeStatus(SITE, "2", SiteStatus.START_PHASE, null).version()).isEqualTo(3);
        assertThatThrownBy(() -> service.changeStatus(SITE, "W/\"3\"", SiteStatus.ESTABLISHED, null))
                .as("a weak tag never matches in If-Match")
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED));
    }

    @Test
    void anUnknownSiteIs404EvenWithoutIfMatch() {
        assertThatThrownBy(() -> service.changeStatus(SITE, null, SiteStatus.FUNDED, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void anIllegalTransitionIs409NamingTheAllowedNextStatesAndChangesNothing() {
        register();

        assertThatThrownBy(() -> service.changeStatus(SITE, "\"1\"", SiteStatus.ESTABLISHED, null))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("allowed next states: FUNDED, CLOSED");
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.pointer()).isEqualTo("/status"));
                });
        assertUnchanged();
    }

    @Test
    void aFutureStatusDateIs400PointingAtTheDateAndChangesNothing() {
        register();

        assertThatThrownBy(() -> service.changeStatus(SITE, "\"1\"", SiteStatus.FUNDED, LocalDate.of(2025, 7, 1)))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.pointer()).isEqualTo("/effectiveOn"));
                });
        assertUnchanged();
    }

    @Test
    void aStaffingRuleBrokenInTheThirdPostPointsThere() {
        register();
        List<StaffPost> posts = List.of(post("1", FundingSource.STATE, null), post("1", FundingSource.STATE, null),
                post("1", FundingSource.PROGRAM, null));

        assertThatThrownBy(() -> service.changeStaffing(SITE, "\"1\"", posts))
                .isInstanceOfSatisfying(ApplicationException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> assertThat(error.pointer()).isEqualTo("/posts/2/program")));
        assertUnchanged();
    }

    @Test
    void settingTheSameValueAnswersTheCurrentVersionWithoutAnEvent() {
        register();
        service.changeFocus(SITE, "\"1\"", List.of(FocusArea.SPORT), List.of(Program.KIM));

        StoredSite again = service.changeFocus(SITE, "\"2\"", List.of(FocusArea.SPORT), List.of(Program.KIM));

        assertThat(again.version()).isEqualTo(2);
        assertThat(store.allEvents()).hasSize(3);
    }

    private StoredSite register() {
        return service.register(SITE, "Testkreis", TerritoryKind.KREIS, 1000, SiteStatus.DECIDED, LocalDate.of(2024, 1, 10));
    }

    private void assertUnchanged() {
        StoredSite site = service.get(SITE);
        assertThat(site.version()).isEqualTo(1);
        assertThat(site.site().status()).isEqualTo(SiteStatus.DECIDED);
        assertThat(store.allEvents()).hasSize(2);
    }

    private static StaffPost post(String fte, FundingSource fundedBy, Program program) {
        return new StaffPost(PostKind.VERWALTUNGSKRAFT, null, new BigDecimal(fte), fundedBy, program);
    }
}
