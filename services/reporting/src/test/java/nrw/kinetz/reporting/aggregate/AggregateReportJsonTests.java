package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
    void anAmountIsDecimalTextWithTwoDecimalsAndACsvCellWithADecimalComma() {
        var report = new AggregateReport("sites", null, "status", List.of(),
                Map.of("fte", CellValue.of(new BigDecimal("5.5"))));

        assertThat(json.writeValueAsString(report)).contains("\"total\":{\"fte\":\"5.50\"}");
        assertThat(AggregateCsv.cell(CellValue.of(new BigDecimal("5.5")))).isEqualTo("5,50");
        assertThat(AggregateCsv.cell(CellValue.of(new BigDecimal("12")))).isEqualTo("12,00");
        assertThatThrownBy(() -> CellValue.of(new BigDecimal("-0.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingPeriodIsWrittenAsNull() {
        var report = new AggregateReport("sites", null, "status", List.of(), Map.of("sites", CellValue.of(0)));

        assertThat(json.writeValueAsString(report)).contains("\"period\":null");
    }
}
