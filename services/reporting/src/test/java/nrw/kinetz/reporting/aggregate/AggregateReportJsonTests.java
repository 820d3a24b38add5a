package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class AggregateReportJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void reportReadsAsTheContractSaysWithExactAndWithheldCells() {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("activities", CellValue.of(12));
        values.put("volunteers", CellValue.SUPPRESSED);
        var report = new AggregateReport("activities", "2026-Q3", "site",
                List.of(new AggregateRow("05974", "Kreis Soest", values)), Map.of("activities", CellValue.of(12)));

        assertThat(json.writeValueAsString(report)).isEqualTo("{\"measure\":\"activities\",\"period\":\"2026-Q3\",\"groupBy\":\"site\","
                + "\"rows\":[{\"key\":\"05974\",\"label\":\"Kreis Soest\",\"values\":{\"activities\":12,\"volunteers\":{\"suppressed\":true}}}],"
                + "\"total\":{\"activities\":12}}");
    }

    @Test
    void missingPeriodIsWrittenAsNull() {
        var report = new AggregateReport("sites", null, "status", List.of(), Map.of("sites", CellValue.of(0)));

        assertThat(json.writeValueAsString(report)).contains("\"period\":null");
    }
}
