package nrw.kinetz.reporting.site;

import static nrw.kinetz.reporting.site.SiteEvents.SOEST;
import static nrw.kinetz.reporting.site.SiteEvents.VIERSEN;
import static nrw.kinetz.reporting.site.SiteEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.SiteStatusChanged;

class SiteProjectionTests {

    private final InMemorySiteViews views = new InMemorySiteViews();
    private final SiteProjection projection = new SiteProjection(views);

    @Test
    void registrationCreatesTheSiteWithItsIdentityAndStatus() {
        boolean applied = projection.on(registration(SOEST, SiteStatus.ESTABLISHED, LocalDate.of(2013, 6, 1)), at(0, 4));

        SiteView view = views.find(SOEST).orElseThrow();
        assertThat(applied).isTrue();
        assertThat(view.registration().name()).isEqualTo("Kreis Soest");
        assertThat(view.registration().regierungsbezirk()).isEqualTo(Regierungsbezirk.ARNSBERG);
        assertThat(view.registration().territoryKind()).isEqualTo(TerritoryKind.KREIS);
        assertThat(view.status()).contains(SiteStatus.ESTABLISHED);
        assertThat(view.statusSince()).contains(LocalDate.of(2013, 6, 1));
        assertThat(view.revision()).isEqualTo(1);
    }

    @Test
    void statusChangeReplacesTheStatusAndKeepsTheHistory() {
        projection.on(registration(VIERSEN, SiteStatus.DECIDED, LocalDate.of(2016, 3, 1)), at(1, 0));

        projection.on(new SiteStatusChanged(VIERSEN, SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2017, 10, 1)), at(1, 1));

        SiteView view = views.find(VIERSEN).orElseThrow();
        assertThat(view.status()).contains(SiteStatus.FUNDED);
        assertThat(view.statusSince()).contains(LocalDate.of(2017, 10, 1));
        assertThat(view.statusHistory()).extracting(SiteView.StatusStep::status).containsExactly(SiteStatus.DECIDED, SiteStatus.FUNDED);
    }

    @Test
    void redeliveredEventIsSkipped() {
        Delivery registration = at(1, 0);
        projection.on(registration(VIERSEN, SiteStatus.START_PHASE, LocalDate.of(2016, 3, 1)), registration);
        projection.on(new SiteStatusChanged(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 1)), at(1, 1));

        boolean applied = projection.on(registration(VIERSEN, SiteStatus.START_PHASE, LocalDate.of(2016, 3, 1)), registration);

        assertThat(applied).isFalse();
        assertThat(views.find(VIERSEN).orElseThrow().status()).contains(SiteStatus.ESTABLISHED);
        assertThat(views.writes()).isEqualTo(2);
    }

    @Test
    void republicationWithTheSameIdAtALaterOffsetIsSkipped() {
        UUID registrationId = UUID.randomUUID();
        projection.on(registration(VIERSEN, SiteStatus.START_PHASE, LocalDate.of(2016, 3, 1)), new Delivery(registrationId, 1, 0));
        projection.on(new SiteStatusChanged(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 1)), at(1, 1));

        boolean applied = projection.on(registration(VIERSEN, SiteStatus.START_PHASE, LocalDate.of(2016, 3, 1)),
                new Delivery(registrationId, 1, 7));

        assertThat(applied).isFalse();
        assertThat(views.find(VIERSEN).orElseThrow().status()).contains(SiteStatus.ESTABLISHED);
        assertThat(views.find(VIERSEN).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void replayedOlderOffsetOfTheSamePartitionIsSkippedEvenWithAnotherId() {
        projection.on(registration(SOEST, SiteStatus.ESTABLISHED, LocalDate.of(2013, 6, 1)), at(2, 10));

        boolean applied = projection.on(new SiteStatusChanged(SOEST, SiteStatus.ESTABLISHED, SiteStatus.CLOSED,
                LocalDate.of(2020, 1, 1)), at(2, 9));

        assertThat(applied).isFalse();
        assertThat(views.find(SOEST).orElseThrow().status()).contains(SiteStatus.ESTABLISHED);
    }

    @Test
    void sameOffsetOnAnotherPartitionIsANewEvent() {
        projection.on(registration(SOEST, SiteStatus.ESTABLISHED, LocalDate.of(2013, 6, 1)), at(2, 10));

        boolean applied = projection.on(new SiteStatusChanged(SOEST, SiteStatus.ESTABLISHED, SiteStatus.CLOSED,
                LocalDate.of(2020, 1, 1)), at(0, 3));

        assertThat(applied).isTrue();
        assertThat(views.find(SOEST).orElseThrow().status()).contains(SiteStatus.CLOSED);
    }

    @Test
    void statusChangeBeforeAnyRegistrationIsKeptButTheSiteIsNotCountedAsRegistered() {
        projection.on(new SiteStatusChanged(SOEST, SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2013, 1, 1)), at(2, 0));

        assertThat(views.find(SOEST).orElseThrow().status()).contains(SiteStatus.FUNDED);
        assertThat(views.registered()).isEmpty();
    }

    private static Delivery at(int partition, long offset) {
        return new Delivery(UUID.randomUUID(), partition, offset);
    }
}
