package nrw.kinetz.sites.site.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.ContactChanged;
import nrw.kinetz.model.site.FocusAreasChanged;
import nrw.kinetz.model.site.PostalAddress;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.model.site.StaffingChanged;

class SiteTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final SiteIdentity SOEST = new SiteIdentity(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS, 301_902);

    private final Site site = Site.register(SOEST, SiteStatus.DECIDED, LocalDate.of(2011, 11, 8), TODAY).site();

    @Test
    void registrationAnnouncesTheSiteAndItsDefaultStaffingPlanInThatOrder() {
        Outcome outcome = Site.register(SOEST, SiteStatus.DECIDED, LocalDate.of(2011, 11, 8), TODAY);

        assertThat(outcome.facts()).<Object>extracting(Fact::type).containsExactly(SiteEventTypes.REGISTERED, SiteEventTypes.STAFFING_CHANGED);
        assertThat(outcome.facts().get(0).payload()).isEqualTo(new SiteRegistered(SiteId.of("05974"), "Kreis Soest",
                TerritoryKind.KREIS, Regierungsbezirk.ARNSBERG, SOEST.districtKey(), 301_902, SiteStatus.DECIDED,
                LocalDate.of(2011, 11, 8)));
        assertThat(((StaffingChanged) outcome.facts().get(1).payload()).totalFte()).isEqualByComparingTo("5.5");
        assertThat(outcome.site().contact()).isEmpty();
        assertThat(outcome.site().focus()).isEqualTo(WorkFocus.none());
    }

    @Test
    void aStatusChangeCarriesThePreviousAndTheNewStatusWithItsDate() {
        Outcome outcome = site.changeStatus(SiteStatus.FUNDED, LocalDate.of(2012, 3, 1), TODAY);

        assertThat(outcome.site().status()).isEqualTo(SiteStatus.FUNDED);
        assertThat(outcome.facts()).singleElement().extracting(Fact::payload).isEqualTo(
                new SiteStatusChanged(SiteId.of("05974"), SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2012, 3, 1)));
        assertThat(site.status()).as("the old site is unchanged").isEqualTo(SiteStatus.DECIDED);
    }

    @Test
    void aStaffingChangeCarriesTheCompleteNewPlan() {
        StaffingPlan plan = StaffingPlan.of(List.of(
                new StaffPost(PostKind.LEHRKRAFT, null, new BigDecimal("2"), FundingSource.STATE, null),
                new StaffPost(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, null, new BigDecimal("1.5"), FundingSource.PROGRAM, Program.KOMM_AN_I)));

        Outcome outcome = site.changeStaffing(plan);

        StaffingChanged changed = (StaffingChanged) outcome.facts().get(0).payload();
        assertThat(changed.posts()).isEqualTo(plan.posts());
        assertThat(changed.totalFte()).isEqualByComparingTo("3.5");
    }

    @Test
    void settingTheSameValueAgainAnnouncesNothing() {
        assertThat(site.changeStaffing(StaffingPlan.defaultPlan()).changedSomething()).isFalse();

        Site focused = site.changeFocus(WorkFocus.of(List.of(FocusArea.SPORT), List.of(Program.KIM))).site();
        assertThat(focused.changeFocus(WorkFocus.of(List.of(FocusArea.SPORT, FocusArea.SPORT), List.of(Program.KIM)))
                .changedSomething()).isFalse();

        Contact contact = new Contact(new PostalAddress("Hoher Weg 1", "59494", "Soest"), "ki@kreis-soest.example", null, null);
        Site reachable = site.changeContact(contact).site();
        assertThat(reachable.changeContact(contact).facts()).isEmpty();
    }

    @Test
    void focusAreasAreKeptInCodeListOrderAndGroupedByHandlungsfeld() {
        Outcome outcome = site.changeFocus(WorkFocus.of(List.of(FocusArea.SPORT, FocusArea.FRUEHE_BILDUNG, FocusArea.ARBEIT),
                List.of(Program.KIM, Program.KOMM_AN_I)));

        assertThat(outcome.facts().get(0).payload()).isEqualTo(new FocusAreasChanged(SiteId.of("05974"),
                List.of(FocusArea.FRUEHE_BILDUNG, FocusArea.ARBEIT, FocusArea.SPORT), List.of(Program.KOMM_AN_I, Program.KIM)));
        assertThat(outcome.site().focus().byField()).containsEntry(Field.BILDUNG, List.of(FocusArea.FRUEHE_BILDUNG))
                .containsEntry(Field.QUERSCHNITT, List.of(FocusArea.ARBEIT, FocusArea.SPORT));
    }

    @Test
    void aContactChangeCarriesTheWholeContact() {
        Contact contact = new Contact(new PostalAddress("Hoher Weg 1", "59494", "Soest"), "ki@kreis-soest.example",
                "+49 2921 30-0", "Dr. Beispiel");

        assertThat(site.changeContact(contact).facts()).singleElement().extracting(Fact::payload)
                .isEqualTo(new ContactChanged(SiteId.of("05974"), contact));
    }

    @Test
    void identityNeedsANameAndAPositivePopulation() {
        assertThatThrownBy(() -> new SiteIdentity(SiteId.of("05974"), " ", TerritoryKind.KREIS, 1))
                .isInstanceOf(SiteRuleViolation.class).extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("name");
        assertThatThrownBy(() -> new SiteIdentity(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS, 0))
                .isInstanceOf(SiteRuleViolation.class).extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("population");
    }
}
