package nrw.kinetz.reporting.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.reporting.aggregate.AggregateCsv;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Metric;

/**
 * One open dataset for one year, as read from the public aggregates API: the rows of every answer with the
 * period and the request they came from. A crossed dataset's rows name each dimension's group in columns of their
 * own. The totals of the answers are left out; each is the sum of its rows
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
    /** Names a crossed row's label field in JSON beside its key field, e.g. {@code focusAreaLabel}. */
    public static final String LABEL_SUFFIX = "Label";

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
        for (Dimension dimension : crossedBy()) {
            columns.add(Map.of("name", dimension.parameter(), "title", dimension.label() + " (" + AggregateCsv.KEY_HEADING + ")"));
            columns.add(Map.of("name", dimension.parameter() + LABEL_SUFFIX, "title", dimension.label()));
        }
        metrics.forEach(metric -> columns.add(Map.of("name", metric.name(), "title", metric.label())));
        json.put("columns", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        answers.forEach((request, answer) -> {
            for (AggregateRow row : answer.rows()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("period", answer.period());
                out.put("key", row.key());
                out.put("label", row.label());
                for (AggregateRow.Part part : row.parts()) {
                    out.put(part.groupBy(), part.key());
                    out.put(part.groupBy() + LABEL_SUFFIX, part.label());
                }
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
        List<Dimension> crossedBy = crossedBy();
        List<String> header = new ArrayList<>(List.of(PERIOD_HEADING));
        if (crossedBy.isEmpty()) {
            header.addAll(List.of(AggregateCsv.KEY_HEADING, AggregateCsv.LABEL_HEADING));
        }
        crossedBy.forEach(dimension -> header.addAll(List.of(dimension.label() + " (" + AggregateCsv.KEY_HEADING + ")", dimension.label())));
        metrics.forEach(metric -> header.add(metric.label()));
        CsvWriter csv = new CsvWriter().row(header);
        answers.values().forEach(answer -> {
            for (AggregateRow row : answer.rows()) {
                List<String> cells = new ArrayList<>(List.of(answer.period()));
                if (row.parts().isEmpty()) {
                    cells.addAll(List.of(row.key(), row.label()));
                }
                row.parts().forEach(part -> cells.addAll(List.of(part.key(), part.label())));
                metrics.forEach(metric -> cells.add(AggregateCsv.cell(row.values().get(metric.name()))));
                csv.row(cells);
            }
        });
        return csv.toString();
    }

    /**
     * @return the dimensions of a crossed dataset, each of which is a key and a label column of its own (in CSV
     *         instead of the joined key and label); empty for a dataset grouped by one dimension
     */
    public List<Dimension> crossedBy() {
        List<Dimension> grouping = dataset.grouping();
        return grouping.size() > 1 ? grouping : List.of();
    }

    /** e.g. {@code activities-by-month-and-site-2026.csv} */
    public String fileName(String extension) {
        return dataset.id() + "-" + year + "." + extension;
    }
}
