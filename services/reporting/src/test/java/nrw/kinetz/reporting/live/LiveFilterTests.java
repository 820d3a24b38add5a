package nrw.kinetz.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.feed.FeedEntry;

class LiveFilterTests {

    private final FeedEntry soestInAugust = entry("05974", "2026-08");

    @Test
    void withGroupByAChangeTouchesTheTablesOfItsMonthQuarterAndBudgetYear() {
        LiveFilter filter = new LiveFilter(Optional.of(Dimension.REGIERUNGSBEZIRK), Optional.empty(), Optional.empty());

        assertThat(filter.tables(soestInAugust)).containsExactly(Period.parse("2026-08"), Period.parse("2026-Q3"), Period.parse("2026"));
    }

    @Test
    void withAPeriodOnlyThatTableIsTouchedAndOnlyByChangesInIt() {
        LiveFilter quarter = new LiveFilter(Optional.of(Dimension.SITE), Optional.empty(), Optional.of(Period.parse("2026-Q3")));

        assertThat(quarter.tables(soestInAugust)).containsExactly(Period.parse("2026-Q3"));
        assertThat(quarter.tables(entry("05974", "2026-10"))).isEmpty();
    }

    @Test
    void aSiteNarrowsToThatSitesChanges() {
        LiveFilter koeln = new LiveFilter(Optional.empty(), Optional.of(SiteId.of("05315")), Optional.empty());

        assertThat(koeln.matches(soestInAugust)).isFalse();
        assertThat(koeln.matches(entry("05315", "2026-08"))).isTrue();
        assertThat(koeln.tables(entry("05315", "2026-08"))).as("no groupBy, no tables").isEmpty();
    }

    private static FeedEntry entry(String site, String month) {
        return new FeedEntry(1, "g1/x@1", "activities/" + site + "/" + month + "/SPORT/PROJEKT/NONE", "activities",
                Period.parse(month), Map.of("site", site), Map.of("activities", 1L), Instant.EPOCH);
    }
}
