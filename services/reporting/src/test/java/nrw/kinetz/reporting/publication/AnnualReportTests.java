package nrw.kinetz.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.publication.AnnualReport.Cell;
import nrw.kinetz.reporting.publication.AnnualReport.Derived;
import nrw.kinetz.reporting.publication.AnnualReport.Figure;
import nrw.kinetz.reporting.publication.AnnualReport.Table;
import nrw.kinetz.reporting.publication.AnnualReport.Text;
import nrw.kinetz.reporting.site.SitesMeasure;

/** The annual report made from fixed answers of the aggregates API. */
class AnnualReportTests {

    private static final FigureRequest SITES_2023 = FigureRequest.of("sites", "site,status", "2023");
    private static final FigureRequest SITES_2024 = FigureRequest.of("sites", "site,status", "2024");

    @Test
    void theStatusChangesListEverySiteWhoseStatusDiffersFromTheYearBeforeWithItsStaffing() {
        Map<FigureRequest, List<AggregateRow>> answers = Map.of(
                SITES_2023, List.of(site("05974", "Kreis Soest", "ESTABLISHED", "etabliert", "5.50"),
                        site("05315", "Stadt Köln", "START_PHASE", "Startphase", "3.00")),
                SITES_2024, List.of(site("05166", "Kreis Viersen", "DECIDED", "Grundsatzentscheidung", "0.00"),
                        site("05315", "Stadt Köln", "ESTABLISHED", "etabliert", "6.00"),
                        site("05974", "Kreis Soest", "ESTABLISHED", "etabliert", "5.50")));

        AnnualReport report = AnnualReport.make(2024, false, figures(answers), Instant.EPOCH);

        Table changes = table(report, "Statuswechsel der Standorte 2024");
        assertThat(changes.headings()).containsExactly("Standort", "Status Ende 2023", "Status Ende 2024", "Vollzeitäquivalente 2024");
        assertThat(changes.rows()).extracting(AnnualReportTests::texts).containsExactly(
                List.of("Kreis Viersen", "noch nicht im Netzwerk", "Grundsatzentscheidung", "0.00"),
                List.of("Stadt Köln", "Startphase", "etabliert", "6.00"));
        Figure staffing = (Figure) changes.rows().get(1).get(3);
        assertThat(report.sources().get(staffing.source())).isEqualTo(SITES_2024);
        assertThat(staffing.key()).isEqualTo("05315/ESTABLISHED");
        assertThat(report.sources()).contains(SITES_2023);
    }

    @Test
    void aYearWithoutStatusChangesSaysSo() {
        List<AggregateRow> soest = List.of(site("05974", "Kreis Soest", "ESTABLISHED", "etabliert", "5.50"));

        AnnualReport report = AnnualReport.make(2024, true, figures(Map.of(SITES_2023, soest, SITES_2024, soest)), Instant.EPOCH);

        assertThat(table(report, "Statuswechsel der Standorte 2024").rows()).extracting(AnnualReportTests::texts)
                .containsExactly(List.of("Kein Standort hat seinen Status gewechselt.", "–", "–", "–"));
    }

    private static AggregateRow site(String id, String name, String status, String label, String fte) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("sites", CellValue.of(1));
        values.put("fte", CellValue.of(new BigDecimal(fte)));
        return AggregateRow.crossed(List.of(new AggregateRow.Part("site", id, name), new AggregateRow.Part("status", status, label)), values);
    }

    private static Table table(AnnualReport report, String caption) {
        return report.sections().stream().flatMap(section -> section.blocks().stream())
                .filter(block -> block instanceof Table table && table.caption().equals(caption))
                .map(Table.class::cast).findFirst().orElseThrow(() -> new AssertionError("no table " + caption));
    }

    private static List<String> texts(List<Cell> row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell instanceof Text text) {
                texts.add(text.text());
            } else if (cell instanceof Derived derived) {
                texts.add(derived.text());
            } else {
                texts.add(((CellValue.Amount) ((Figure) cell).value()).value().toPlainString());
            }
        }
        return texts;
    }

    /** The given rows for the given requests; every other request is answered with no rows. */
    private static PublicFigures figures(Map<FigureRequest, List<AggregateRow>> answers) {
        return new PublicFigures() {
            @Override
            public AggregateReport read(FigureRequest request) {
                return new AggregateReport(request.measure(), request.period().orElse(null), request.groupBy(),
                        answers.getOrDefault(request, List.of()), Map.of());
            }

            @Override
            public List<Metric> metrics(String measure) {
                return measure.equals("sites") ? new SitesMeasure(null).metrics() : List.of();
            }

            @Override
            public String cursor() {
                return "0";
            }
        };
    }
}
