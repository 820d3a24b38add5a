package nrw.kinetz.reporting.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;

class FeedPeriodsTests {

    @Test
    void offersAllTimeThenYearsQuartersAndMonthsThatHaveBegun() {
        List<String> offered = FeedPeriods.offered(2025, LocalDate.of(2026, 2, 14)).stream().map(FeedPeriods::text).toList();

        assertThat(offered).startsWith("gesamt", "2025", "2026", "2025-Q1").contains("2026-Q1", "2025-12", "2026-02")
                .doesNotContain("2026-Q2", "2026-03");
        assertThat(offered).hasSize(1 + 2 + 5 + 14);
    }

    @Test
    void namesEachKindOfPeriodInGerman() {
        assertThat(FeedPeriods.type(Optional.empty())).isEqualTo("gesamt");
        assertThat(FeedPeriods.type(Optional.of(Period.parse("2026")))).isEqualTo("Jahr");
        assertThat(FeedPeriods.type(Optional.of(Period.parse("2026-Q3")))).isEqualTo("Quartal");
        assertThat(FeedPeriods.type(Optional.of(Period.parse("2026-07")))).isEqualTo("Monat");
    }

    @Test
    void parsesOnlyTheSpellingTheRowsCarry() {
        assertThat(FeedPeriods.parse("gesamt")).contains(Optional.empty());
        assertThat(FeedPeriods.parse("2026-Q3")).contains(Optional.of(Period.parse("2026-Q3")));
        assertThat(FeedPeriods.parse("2026-q3")).as("a row's period is 2026-Q3, which a filter on 2026-q3 never matches").isEmpty();
        assertThat(FeedPeriods.parse("Sommer")).isEmpty();
    }
}
