package nrw.kinetz.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Metric;

/** Open data tables from fixed public answers: which requests a dataset asks, and the columns of its CSV and JSON. */
class OpenDataTableTests {

    private final List<FigureRequest> asked = new ArrayList<>();

    @Test
    void theCrossedDatasetAsksOneRequestForTheYearGroupedByMonthSiteAndFocusArea() {
        OpenDataTable.read(OpenDataset.ACTIVITIES_BY_MONTH_SITE_AND_FOCUS_AREA, 2026, YearMonth.of(2026, 7), figures());

        assertThat(asked).containsExactly(FigureRequest.of("activities", "month,site,focusArea", "2026"));
        assertThat(asked.get(0).path()).isEqualTo("/api/v1/aggregates?measure=activities&groupBy=month,site,focusArea&period=2026");
    }

    @Test
    void aCrossedDatasetHasAKeyAndALabelColumnPerDimensionInCsv() {
        String csv = OpenDataTable.read(OpenDataset.ACTIVITIES_BY_MONTH_SITE_AND_FOCUS_AREA, 2026, YearMonth.of(2026, 7), figures()).csv();

        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFFZeitraum;Monat (Schlüssel);Monat;Standort (Schlüssel);Standort;Schwerpunkt (Schlüssel);Schwerpunkt;"
                        + "Aktivitäten;Teilnehmende;Ehrenamtliche;Termine;Stunden",
                "2026;2026-07;Juli 2026;05974;Kreis Soest;SPORT;Sport;2;.;0;2;3");
    }

    @Test
    void aCrossedDatasetNamesEachDimensionsGroupInJson() {
        Map<String, Object> json = OpenDataTable.read(OpenDataset.ACTIVITIES_BY_MONTH_SITE_AND_FOCUS_AREA, 2026, YearMonth.of(2026, 7),
                figures()).json();

        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) json.get("rows")).get(0);
        assertThat(row).containsEntry("period", "2026").containsEntry("key", "2026-07/05974/SPORT")
                .containsEntry("month", "2026-07").containsEntry("site", "05974").containsEntry("siteLabel", "Kreis Soest")
                .containsEntry("focusArea", "SPORT").containsEntry("focusAreaLabel", "Sport")
                .containsEntry("request", "/api/v1/aggregates?measure=activities&groupBy=month,site,focusArea&period=2026");
        assertThat(json.get("columns").toString()).contains("name=focusAreaLabel", "title=Schwerpunkt");
    }

    @Test
    void aDatasetOfOneDimensionKeepsItsKeyAndLabelColumns() {
        String csv = OpenDataTable.read(OpenDataset.ACTIVITIES_BY_MONTH_AND_SITE, 2026, YearMonth.of(2026, 2), figures()).csv();

        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\uFEFFZeitraum;Schlüssel;Bezeichnung;Aktivitäten");
        assertThat(asked).extracting(FigureRequest::period).extracting(p -> p.orElseThrow()).containsExactly("2026-01", "2026-02");
    }

    /** Answers every request with one row of Soest's: crossed if the request crosses, withheld participants. */
    private PublicFigures figures() {
        return new PublicFigures() {
            @Override
            public AggregateReport read(FigureRequest request) {
                asked.add(request);
                Map<String, CellValue> values = new LinkedHashMap<>();
                values.put("activities", CellValue.of(2));
                values.put("participants", CellValue.SUPPRESSED);
                values.put("volunteers", CellValue.of(0));
                values.put("sessions", CellValue.of(2));
                values.put("hours", CellValue.of(3));
                AggregateRow row = request.groupBy().contains(",")
                        ? AggregateRow.crossed(List.of(new AggregateRow.Part("month", "2026-07", "Juli 2026"),
                                new AggregateRow.Part("site", "05974", "Kreis Soest"), new AggregateRow.Part("focusArea", "SPORT", "Sport")), values)
                        : new AggregateRow("05974", "Kreis Soest", values);
                return new AggregateReport(request.measure(), request.period().orElse(null), request.groupBy(), List.of(row), values);
            }

            @Override
            public List<Metric> metrics(String measure) {
                return new ActivitiesMeasure(null).metrics();
            }

            @Override
            public String cursor() {
                return "0";
            }
        };
    }
}
