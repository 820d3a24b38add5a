package nrw.kinetz.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Moment;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Question;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Table;
import nrw.kinetz.reporting.publication.OpenDataset;
import tools.jackson.databind.JsonNode;

/**
 * The open data as an attacker reads it: every dataset of the year as JSON and as CSV, anonymously. Each row names
 * the aggregates request it is a row of; the attacker asks that request of the API too (if it has not already),
 * so that every open-data cell is held against the API's, and takes every row into what it knows.
 */
final class OpenDataSurface {

    private final ReportingHttp http;
    private final DisclosureAttack attack;

    OpenDataSurface(ReportingHttp http, DisclosureAttack attack) {
        this.http = http;
        this.attack = attack;
    }

    /** @return the questions the datasets answered, by dataset id */
    Map<String, List<Question>> read(Moment moment, int year) {
        Map<String, List<Question>> answered = new LinkedHashMap<>();
        for (OpenDataset dataset : OpenDataset.values()) {
            JsonNode data = ok(http.get("/api/v1/opendata/" + dataset.id() + ".json?year=" + year));
            attack.asked("opendata json");
            Map<Question, Map<String, Map<String, Long>>> json = new LinkedHashMap<>();
            Map<String, Question> byPeriod = new LinkedHashMap<>();
            for (JsonNode row : data.get("rows")) {
                Question question = question(row.get("request").asString());
                byPeriod.put(row.get("period").asString(), question);
                json.computeIfAbsent(question, q -> new LinkedHashMap<>()).put(row.get("key").asString(),
                        DisclosureAttack.values(row.get("values")));
            }
            json.keySet().forEach(question -> {
                if (moment.table(question) == null) {
                    attack.learn(moment, "api json", question, DisclosureAttack.table(ok(http.get(request(question)))));
                    attack.asked("api json");
                }
            });
            json.forEach((question, rows) -> attack.learn(moment, "opendata json", question, new Table(rows)));

            HttpResponse<String> csv = http.get("/api/v1/opendata/" + dataset.id() + ".csv?year=" + year);
            attack.asked("opendata csv");
            assertThat(csv.statusCode()).as(dataset.id() + ": " + csv.body()).isEqualTo(200);
            // A crossed dataset has a key and a label column per dimension instead of the joined key and label.
            List<String> grouping = List.of(dataset.grouping().stream().map(d -> d.parameter()).toArray(String[]::new));
            boolean crossed = grouping.size() > 1;
            List<String> notMetrics = new ArrayList<>(List.of("period", "key", "label"));
            grouping.forEach(dimension -> notMetrics.addAll(List.of(dimension, dimension + "Label")));
            List<String> metrics = new ArrayList<>();
            data.get("columns").forEach(column -> metrics.add(column.get("name").asString()));
            metrics.removeAll(notMetrics);
            int keyColumns = crossed ? 1 + 2 * grouping.size() : 3;
            DisclosureAttack.csvTables(csv.body().replace("\uFEFF", ""), metrics, keyColumns, cells -> cells[0], cells -> {
                if (!crossed) {
                    return cells[1];
                }
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < grouping.size(); i++) {
                    parts.add(cells[1 + 2 * i]);
                }
                return String.join("/", parts);
            }).forEach((period, table) -> attack.learn(moment, "opendata csv", byPeriod.get(period), table));
            answered.put(dataset.id(), new ArrayList<>(json.keySet()));
        }
        return answered;
    }

    /** The question of an aggregates request such as {@code /api/v1/aggregates?measure=sites&groupBy=status&period=2029}. */
    static Question question(String request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(request).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return new Question(parameters.get("measure"), parameters.get("groupBy"), parameters.getOrDefault("period", ""));
    }

    static String request(Question question) {
        return "/api/v1/aggregates?measure=" + question.measure() + "&groupBy=" + question.grouping()
                + (question.period().isEmpty() ? "" : "&period=" + question.period());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ReportingHttp.json(response);
    }
}
