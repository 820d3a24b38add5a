package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AggregateCsvTests {

    private static final List<Metric> METRICS = List.of(Metric.count("activities", "Aktivitäten"), Metric.people("participants", "Teilnehmende"));

    @Test
    void theFileStartsWithAByteOrderMarkAndUsesSemicolonsAndCrlf() {
        String csv = AggregateCsv.write(report("2026-Q3"), METRICS);

        assertThat(csv.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv).isEqualTo("\uFEFFSchlüssel;Bezeichnung;Aktivitäten;Teilnehmende\r\n"
                + "05974;Kreis Soest;12;.\r\n"
                + "X;\"Semikolon; im Namen\";1234;5\r\n"
                + ";Insgesamt;1246;.\r\n");
    }

    @Test
    void aMetricWithoutGermanHeadingIsHeadedByItsName() {
        String csv = AggregateCsv.write(report(null), List.of(Metric.count("activities"), Metric.people("participants")));

        assertThat(csv.lines().findFirst()).contains("\uFEFFSchlüssel;Bezeichnung;activities;participants");
    }

    @Test
    void theFileNameCarriesMeasureGroupingAndPeriod() {
        assertThat(AggregateCsv.fileName(report("2026-Q3"))).isEqualTo("activities-site-2026-Q3.csv");
        assertThat(AggregateCsv.fileName(report(null))).isEqualTo("activities-site.csv");
    }

    private static AggregateReport report(String period) {
        return new AggregateReport("activities", period, "site",
                List.of(new AggregateRow("05974", "Kreis Soest", values(12, CellValue.SUPPRESSED)),
                        new AggregateRow("X", "Semikolon; im Namen", values(1234, CellValue.of(5)))),
                values(1246, CellValue.SUPPRESSED));
    }

    private static Map<String, CellValue> values(long activities, CellValue participants) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("activities", CellValue.of(activities));
        values.put("participants", participants);
        return values;
    }
}
