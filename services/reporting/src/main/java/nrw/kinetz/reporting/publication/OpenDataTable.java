package nrw.kinetz.reporting.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.reporting.aggregate.AggregateCsv;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Metric;

/**
 * One open dataset for one year, as read from the public aggregates API: the rows of every answer with the
 * period and the request they came from. The totals of the answers are left out; each is the sum of its rows
 * wherever the API shows it, and a reader who wants it asks the request.
 *
 * @param dataset  which dataset
 * @param year     the year it covers
 * @param cursor   the feed cursor the answers were read at
 * @param metrics  the measure's metrics, in column order
 * @param answers  each request with the API's answer to it, in period order
 */
public record OpenDataTable(OpenDataset dataset, int year, String cursor, List<Metric> metrics,
        Map<FigureRequest, AggregateReport> answers) {

    public static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    public static final String LICENSE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0";
    public static final String PERIOD_HEADING = "Zeitraum";

    public OpenDataTable {
        metrics = List.copyOf(metrics);
        answers = new LinkedHashMap<>(answers);
    }

    public static OpenDataTable read(OpenDataset dataset, int year, java.time.YearMonth now, PublicFigures figures) {
        String cursor = figures.cursor();
        Map<FigureRequest, AggregateReport> answers = new LinkedHashMap<>();
        for (FigureRequest request : dataset.requests(year, now)) {
            answers.put(request, figures.read(request));
        }
        return new OpenDataTable(dataset, year, cursor, figures.metrics(dataset.measure()), answers);
    }

    /** @return the JSON form: the dataset's description, its columns, and one object per row with its request */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset.id());
        json.put("title", dataset.title());
        json.put("year", year);
        json.put("license", LICENSE);
        json.put("cursor", cursor);
        List<Map<String, String>> columns = new ArrayList<>();
        columns.add(Map.of("name", "period", "title", PERIOD_HEADING));
        columns.add(Map.of("name", "key", "title", AggregateCsv.KEY_HEADING));
        columns.add(Map.of("name", "label", "title", AggregateCsv.LABEL_HEADING));
        metrics.forEach(metric -> columns.add(Map.of("name", metric.name(), "title", metric.label())));
        json.put("columns", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        answers.forEach((request, answer) -> {
            for (AggregateRow row : answer.rows()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("period", answer.period());
                out.put("key", row.key());
                out.put("label", row.label());
                out.put("values", row.values());
                out.put("request", request.path());
                rows.add(out);
            }
        });
        json.put("rows", rows);
        return json;
    }

    /** @return the CSV form (UTF-8 with BOM, {@code ;}, decimal comma, a withheld cell as {@code .}) */
    public String csv() {
        List<String> header = new ArrayList<>(List.of(PERIOD_HEADING, AggregateCsv.KEY_HEADING, AggregateCsv.LABEL_HEADING));
        metrics.forEach(metric -> header.add(metric.label()));
        CsvWriter csv = new CsvWriter().row(header);
        answers.values().forEach(answer -> {
            for (AggregateRow row : answer.rows()) {
                List<String> cells = new ArrayList<>(List.of(answer.period(), row.key(), row.label()));
                metrics.forEach(metric -> cells.add(AggregateCsv.cell(row.values().get(metric.name()))));
                csv.row(cells);
            }
        });
        return csv.toString();
    }

    /** e.g. {@code activities-by-month-and-site-2026.csv} */
    public String fileName(String extension) {
        return dataset.id() + "-" + year + "." + extension;
    }
}
