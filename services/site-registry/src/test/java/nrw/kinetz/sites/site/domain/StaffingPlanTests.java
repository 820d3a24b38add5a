package nrw.kinetz.sites.site.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.site.StaffPost;

class StaffingPlanTests {

    @Test
    void theDefaultPlanIsFiveAndAHalfPostsFundedByTheState() {
        StaffingPlan plan = StaffingPlan.defaultPlan();

        assertThat(plan.totalFte()).isEqualByComparingTo("5.5");
        assertThat(plan.posts()).extracting(StaffPost::kind, p -> p.fte().toPlainString(), StaffPost::fundedBy).containsExactly(
                tuple(PostKind.LEHRKRAFT, "2.0", FundingSource.STATE),
                tuple(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, "2.0", FundingSource.STATE),
                tuple(PostKind.VERWALTUNGSKRAFT, "1.0", FundingSource.STATE),
                tuple(PostKind.TECHNISCH_ORGANISATORISCHE_KRAFT, "0.5", FundingSource.STATE));
    }

    @Test
    void amountsAreNormalisedSoThatEqualPlansCompareEqual() {
        StaffingPlan twoDecimals = StaffingPlan.of(List.of(post("2.00", FundingSource.STATE, null)));
        StaffingPlan integer = StaffingPlan.of(List.of(post("2", FundingSource.STATE, null)));

        assertThat(twoDecimals).isEqualTo(integer);
        assertThat(integer.posts().get(0).fte().toPlainString()).isEqualTo("2.0");
        assertThat(StaffingPlan.of(List.of(post("0.25", FundingSource.STATE, null))).totalFte().toPlainString()).isEqualTo("0.25");
    }

    @Test
    void negativeZeroAndMoreThanFiftyFteAreRefusedWithThePostsPath() {
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("1", FundingSource.STATE, null), post("-0.5", FundingSource.STATE, null))))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("more than 0")
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("posts/1/fte");
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("0", FundingSource.STATE, null))))
                .isInstanceOf(SiteRuleViolation.class);
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("50.5", FundingSource.STATE, null))))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("at most 50");
        assertThat(StaffingPlan.of(List.of(post("50", FundingSource.STATE, null))).totalFte()).isEqualByComparingTo("50");
    }

    @Test
    void moreThanTwoDecimalsAreRefused() {
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("0.333", FundingSource.STATE, null))))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("two decimal places");
    }

    @Test
    void aProgramFundedPostNamesItsProgramAndNoOtherPostDoes() {
        assertThat(StaffingPlan.of(List.of(post("1", FundingSource.PROGRAM, Program.KOMM_AN_I))).posts().get(0).program())
                .isEqualTo(Program.KOMM_AN_I);
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("1", FundingSource.PROGRAM, null))))
                .isInstanceOf(SiteRuleViolation.class)
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("posts/0/program");
        assertThatThrownBy(() -> StaffingPlan.of(List.of(post("1", FundingSource.MUNICIPALITY, Program.KIM))))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("funded by MUNICIPALITY");
    }

    @Test
    void otherPostsSayWhatTheyAre() {
        assertThatThrownBy(() -> StaffingPlan.of(List.of(new StaffPost(PostKind.SONSTIGE, " ", BigDecimal.ONE, FundingSource.STATE, null))))
                .isInstanceOf(SiteRuleViolation.class)
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("posts/0/title");
        StaffingPlan plan = StaffingPlan.of(List.of(new StaffPost(PostKind.SONSTIGE, " Sprachmittlerpool ", BigDecimal.ONE,
                FundingSource.MUNICIPALITY, null)));
        assertThat(plan.posts().get(0).title()).isEqualTo("Sprachmittlerpool");
    }

    private static StaffPost post(String fte, FundingSource fundedBy, Program program) {
        return new StaffPost(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, null, new BigDecimal(fte), fundedBy, program);
    }
}
