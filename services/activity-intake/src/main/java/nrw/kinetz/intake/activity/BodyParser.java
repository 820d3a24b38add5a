package nrw.kinetz.intake.activity;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.JsonReadLimits;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.intake.activity.domain.RawActivity;
import nrw.kinetz.intake.activity.domain.Violation;
import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.model.activity.CsvEncoding;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a request body into activity reports: a JSON object, a JSON array, NDJSON or CSV. A body that
 * cannot be split at all (malformed JSON, a CSV header with unknown columns, JSON or NDJSON not in UTF-8, a CSV
 * neither in UTF-8 nor in Windows-1252) is a 400 for the
 * whole request; a single bad NDJSON line or CSV row only rejects that item. More than the allowed number
 * of items is a 413.
 */
final class BodyParser {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    /** The properties of the JSON form; metrics are nested in {@code metrics}. */
    private static final Set<String> TEXT_PROPERTIES = Set.of("id", "site", "occurredOn", "field", "focusArea",
            "activityType", "program", "block", "measureId", "note");

    private static final JsonMapper STRICT = JsonMapper.builder(JsonReadLimits.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxItems;

    BodyParser(int maxItems) {
        this.maxItems = maxItems;
    }

    IntakeBody parse(byte[] body, IntakeBody.Format format) {
        return parse(body, format, null);
    }

    /**
     * @param declaredCharset the {@code charset} parameter of the Content-Type, or {@code null}: a CSV is then read
     *                        as UTF-8 (with or without BOM) or Windows-1252, whichever reads it exactly
     */
    IntakeBody parse(byte[] body, IntakeBody.Format format, String declaredCharset) {
        switch (format) {
            case CSV:
                return csv(text(body, declaredCharset));
            case NDJSON:
                return ndjson(utf8(body));
            default:
                return json(body);
        }
    }

    private IntakeBody json(byte[] body) {
        IntakeBody plain = plainArray(body);
        return plain != null ? plain : tree(body);
    }

    /**
     * The common body, read as a stream: an array of at most the allowed number of objects whose properties are
     * all known and of the expected JSON type. Building the tree first and the values from it cost twice the
     * reading. Anything else — malformed JSON, a wrong type, an unknown property, too many items — is left to
     * {@link #tree}, which reads the body again and says precisely what is wrong.
     *
     * @return the body, or {@code null} if it is not of that kind
     */
    private IntakeBody plainArray(byte[] body) {
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<IntakeBody.Item> items = new ArrayList<>(Math.min(maxItems, 1024));
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT || items.size() == maxItems) {
                    return null;
                }
                Map<String, String> values = plainObject(parser);
                if (values == null) {
                    return null;
                }
                items.add(new IntakeBody.Item(items.size(), null, RawActivity.of(values)));
            }
            if (items.isEmpty() || parser.nextToken() != null) {
                return null;
            }
            return new IntakeBody(IntakeBody.Format.JSON, true, items);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The values of one report positioned at its start, or {@code null} if anything in it is not plain. */
    private static Map<String, String> plainObject(JsonParser parser) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.PROPERTY_NAME) {
                return null;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (TEXT_PROPERTIES.contains(name)) {
                if (value == JsonToken.VALUE_STRING) {
                    values.put(name, parser.getString());
                } else if (value != JsonToken.VALUE_NULL) {
                    return null;
                }
            } else if (name.equals("metrics")) {
                if (value == JsonToken.START_OBJECT) {
                    for (JsonToken metric = parser.nextToken(); metric != JsonToken.END_OBJECT; metric = parser.nextToken()) {
                        if (metric != JsonToken.PROPERTY_NAME) {
                            return null;
                        }
                        String metricName = parser.currentName();
                        JsonToken count = parser.nextToken();
                        if (!ActivityCsv.METRIC_COLUMNS.contains(metricName)) {
                            return null;
                        } else if (count == JsonToken.VALUE_NUMBER_INT) {
                            // as the tree writes the number it read: -0 is 0
                            values.put(metricName, parser.getNumberValue().toString());
                        } else if (count != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                } else if (value != JsonToken.VALUE_NULL) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return values;
    }

    private IntakeBody tree(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw malformed(e);
        }
        if (root == null || root.isMissingNode()) {
            throw nothingInBody();
        }
        if (root.isObject()) {
            return new IntakeBody(IntakeBody.Format.JSON, false, List.of(new IntakeBody.Item(0, null, raw(root))));
        }
        if (!root.isArray()) {
            throw ApiProblemException.badRequest("The body must be one activity (a JSON object) or an array of them.",
                    List.of(ProblemError.at("", "expected a JSON object or array, found " + root.getNodeType())));
        }
        if (root.isEmpty()) {
            throw nothingInBody();
        }
        requireAtMostMaxItems(root.size());
        List<IntakeBody.Item> items = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            items.add(new IntakeBody.Item(i, null, raw(root.get(i))));
        }
        return new IntakeBody(IntakeBody.Format.JSON, true, items);
    }

    private IntakeBody ndjson(String body) {
        List<IntakeBody.Item> items = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            requireAtMostMaxItems(items.size() + 1);
            RawActivity raw;
            try {
                raw = raw(STRICT.readTree(line));
            } catch (JacksonException e) {
                raw = new RawActivity(Map.of(), List.of(Violation.ofItem(describe(e, false))));
            }
            items.add(new IntakeBody.Item(items.size(), i + 1, raw));
        }
        if (items.isEmpty()) {
            throw nothingInBody();
        }
        return new IntakeBody(IntakeBody.Format.NDJSON, false, items);
    }

    private IntakeBody csv(String body) {
        try {
            ActivityCsv.Records records = ActivityCsv.read(new StringReader(body));
            List<IntakeBody.Item> items = new ArrayList<>();
            Map<String, Integer> occurrences = new HashMap<>();
            for (ActivityCsv.Record record = records.next(); record != null; record = records.next()) {
                requireAtMostMaxItems(items.size() + 1);
                items.add(new IntakeBody.Item(items.size(), record.line(), raw(record, occurrences)));
            }
            if (items.isEmpty()) {
                throw nothingInBody();
            }
            return new IntakeBody(IntakeBody.Format.CSV, false, items);
        } catch (ActivityCsv.MalformedCsvException e) {
            throw ApiProblemException.badRequest("The CSV cannot be read: " + e.getMessage(),
                    List.of(ProblemError.atLine(e.line(), e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string does not fail", e);
        }
    }

    /**
     * A CSV row; a row without id gets the name-based id of its content and occurrence, so a re-upload of the
     * same file is a duplicate.
     */
    private static RawActivity raw(ActivityCsv.Record record, Map<String, Integer> occurrences) {
        if (!record.readable()) {
            return new RawActivity(Map.of(), List.of(Violation.ofItem(record.problem())));
        }
        Map<String, String> values = new LinkedHashMap<>(record.cells());
        String id = values.get("id");
        if (id == null || id.isBlank()) {
            int occurrence = occurrences.merge(ActivityCsv.content(record.cells()), 1, Integer::sum);
            values.put("id", ActivityCsv.derivedId(record.cells(), occurrence).toString());
        }
        return RawActivity.of(values);
    }

    /** One JSON report: type errors and unknown properties are found here, everything else by the rules. */
    private static RawActivity raw(JsonNode item) {
        if (!item.isObject()) {
            return new RawActivity(Map.of(), List.of(Violation.ofItem("must be a JSON object, found " + item.getNodeType())));
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : item.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (TEXT_PROPERTIES.contains(name)) {
                if (value.isString()) {
                    values.put(name, value.stringValue());
                } else if (!value.isNull()) {
                    problems.add(Violation.of(name, "must be a string, found " + value.getNodeType()
                            + (name.equals("site") ? " (a site id keeps its leading zero: \"05974\")" : "")));
                }
            } else if (name.equals("metrics")) {
                metrics(value, values, problems);
            } else if (ActivityCsv.METRIC_COLUMNS.contains(name)) {
                problems.add(Violation.of("/" + escape(name), "unknown property; counts belong inside metrics, e.g. "
                        + "{\"metrics\": {\"" + name + "\": 12}}"));
            } else {
                problems.add(Violation.of("/" + escape(name), "unknown property; known: id, site, occurredOn, field,"
                        + " focusArea, activityType, program, block, measureId, metrics, note"));
            }
        }
        return new RawActivity(values, problems);
    }

    private static void metrics(JsonNode metrics, Map<String, String> values, List<Violation> problems) {
        if (metrics.isNull()) {
            return;
        }
        if (!metrics.isObject()) {
            problems.add(Violation.of("metrics", "must be an object with participants, volunteers, sessions and hours"));
            return;
        }
        for (Map.Entry<String, JsonNode> property : metrics.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (!ActivityCsv.METRIC_COLUMNS.contains(name)) {
                problems.add(Violation.of("/metrics/" + escape(name),
                        "unknown metric; known: participants, volunteers, sessions, hours"));
            } else if (value.isIntegralNumber()) {
                values.put(name, value.asString());
            } else if (value.isNumber()) {
                problems.add(Violation.of(name, "must be a whole number, was " + value.asString()));
            } else if (!value.isNull()) {
                problems.add(Violation.of(name, "must be a JSON number, found " + value.getNodeType()));
            }
        }
    }

    /** JSON Pointer escaping (RFC 6901) of a property name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private void requireAtMostMaxItems(int count) {
        if (count > maxItems) {
            throw new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "Too many activities in one request: more than "
                    + maxItems + "; send them in batches of at most " + maxItems + ".", List.of());
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblemException.badRequest("The body is not UTF-8 text; export the file as \"CSV UTF-8\".",
                    List.of(ProblemError.of("not UTF-8: " + e.getMessage())));
        }
    }

    /**
     * A spreadsheet's CSV in the charset it declares, or in the one that reads it exactly; never decoded with
     * replacement characters, so a text either arrives intact or is refused (docs/architecture.md#csv).
     */
    private static String text(byte[] body, String declaredCharset) {
        Charset charset;
        try {
            charset = declaredCharset == null ? CsvEncoding.detect(body) : CsvEncoding.declared(declaredCharset);
        } catch (CsvEncoding.UnreadableTextException e) {
            HttpStatus status = declaredCharset == null ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            throw new ApiProblemException(status, "The CSV cannot be read without damaging its text; export the file as"
                    + " \"CSV UTF-8\".", List.of(ProblemError.of(e.getMessage())));
        }
        try {
            return CsvEncoding.decode(body, charset);
        } catch (CsvEncoding.UnreadableTextException e) {
            throw ApiProblemException.badRequest("The CSV cannot be read without damaging its text; export the file as"
                    + " \"CSV UTF-8\".", List.of(ProblemError.of(e.getMessage())));
        }
    }

    private static ApiProblemException nothingInBody() {
        return ApiProblemException.badRequest("The body contains no activity.", List.of(ProblemError.of("no activity in the body")));
    }

    private static ApiProblemException malformed(JacksonException e) {
        return ApiProblemException.badRequest("The body is not readable JSON.", List.of(ProblemError.of(describe(e, true))));
    }

    private static String describe(JacksonException e, boolean withLine) {
        var location = e.getLocation();
        String where = location == null ? ""
                : withLine ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                : " (column " + location.getColumnNr() + ")";
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }
}
