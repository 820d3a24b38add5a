package nrw.kinetz.programs.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.ProgramCatalogue;

class ProgressJsonTests {

    private static final SiteId SITE = SiteId.of("05974");
    private static final ActivityMetrics METRICS = new ActivityMetrics(25, 3, 2, 7);

    @Test
    void writesEveryProgrammeBlockAndYearsIndicatorsAsTheEventsMapperDoes() {
        List<Program.Block> blocks = new ArrayList<>(Arrays.asList(Program.Block.values()));
        blocks.add(null);
        int compared = 0;
        for (Program program : Program.values()) {
            for (Program.Block block : blocks) {
                for (int year = 2023; year <= 2027; year++) {
                    List<Indicator> indicators;
                    try {
                        indicators = ProgramCatalogue.terms(program).indicators(block, year);
                    } catch (RuntimeException notOffered) {
                        continue;
                    }
                    for (boolean retraction : new boolean[] {false, true}) {
                        for (String measureId : new String[] {null, "KA2-2025-017"}) {
                            Contribution c = contribution(program, block, year, measureId);
                            assertThat(ProgressJson.of(c, retraction, ProgressJson.ordered(indicators)))
                                    .isEqualTo(mapped(c, retraction, indicators));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).as("combinations compared").isGreaterThan(20);
    }

    @Test
    void writesNoIndicatorsAndIndicatorsOutOfOrderOrTwiceAsTheEventsMapperDoes() {
        Contribution c = contribution(Program.KOMM_AN_II, Program.Block.A, 2025, "KA2-2025-017");
        List<Indicator> none = List.of();
        List<Indicator> reversed = new ArrayList<>(Arrays.asList(Indicator.values()));
        java.util.Collections.reverse(reversed);
        List<Indicator> twice = List.of(Indicator.values()[1], Indicator.values()[0], Indicator.values()[1]);
        for (List<Indicator> indicators : List.of(none, reversed, twice)) {
            assertThat(ProgressJson.of(c, false, ProgressJson.ordered(indicators))).isEqualTo(mapped(c, false, indicators));
        }
    }

    @Test
    void escapesAMeasureIdAsTheEventsMapperDoes() {
        for (String measureId : new String[] {"a\"b\\c", "Zeile\nzwei\tTab\r\b\f", "\u0001\u001f", "Gütersloh/€"}) {
            Contribution c = contribution(Program.KOMM_AN_II, Program.Block.B, 2025, measureId);
            List<Indicator> indicators = List.of(Indicator.values()[0]);
            assertThat(ProgressJson.of(c, true, ProgressJson.ordered(indicators))).isEqualTo(mapped(c, true, indicators));
        }
    }

    private static Contribution contribution(Program program, Program.Block block, int year, String measureId) {
        return new Contribution(UUID.randomUUID(), SITE, program, block, measureId, LocalDate.of(year, 3, 14), METRICS,
                1_700_000_000_000L, null);
    }

    private static String mapped(Contribution c, boolean retraction, List<Indicator> indicators) {
        Map<Indicator, Long> changes = new EnumMap<>(Indicator.class);
        for (Indicator indicator : indicators) {
            long value = indicator.source().of(c.metrics());
            changes.put(indicator, retraction ? -value : value);
        }
        return EventJson.mapper().writeValueAsString(new IndicatorProgressed(c.siteId(), c.program(), c.block(),
                c.budgetYear(), c.measureId(), c.activityId(), retraction, changes));
    }
}
