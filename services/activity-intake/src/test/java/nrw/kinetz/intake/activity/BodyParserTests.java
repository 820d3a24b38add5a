package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.intake.activity.domain.Violation;

class BodyParserTests {

    private final BodyParser parser = new BodyParser(3);

    private IntakeBody parse(String body, IntakeBody.Format format) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), format);
    }

    @Test
    void jsonPointersStartWithTheIndexOnlyForArrays() {
        IntakeBody single = parse("{\"site\":\"05974\",\"metrics\":{\"participants\":1}}", IntakeBody.Format.JSON);
        IntakeBody array = parse("[{\"site\":\"05974\"},{\"site\":\"05974\"}]", IntakeBody.Format.JSON);

        assertThat(single.error(single.items().get(0), Violation.of("participants", "x")).pointer()).isEqualTo("/metrics/participants");
        assertThat(array.error(array.items().get(1), Violation.of("participants", "x")).pointer()).isEqualTo("/1/metrics/participants");
        assertThat(array.error(array.items().get(1), Violation.ofItem("x")).pointer()).isEqualTo("/1");
    }

    @Test
    void jsonTypeErrorsAndUnknownPropertiesAreFoundWhileReading() {
        IntakeBody body = parse("{\"site\":5974,\"participant\":3,\"a/b\":1,\"metrics\":{\"hours\":1.5,\"sessions\":\"2\",\"people\":1}}",
                IntakeBody.Format.JSON);

        assertThat(body.items().get(0).raw().earlier()).extracting(v -> IntakeBody.pointer(v.field()))
                .containsExactlyInAnyOrder("/site", "/participant", "/a~1b", "/metrics/hours", "/metrics/sessions", "/metrics/people");
    }

    @Test
    void ndjsonAndCsvProblemsCarryTheLine() {
        IntakeBody ndjson = parse("\n{\"site\":\"05974\"}\r\n\n{oops\n", IntakeBody.Format.NDJSON);
        IntakeBody csv = parse("site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours\n"
                + "05974;1.1.2025;BILDUNG;FRUEHE_BILDUNG;BERATUNG;1;0;1;1\n", IntakeBody.Format.CSV);

        assertThat(ndjson.items()).extracting(IntakeBody.Item::line).containsExactly(2, 4);
        ProblemError malformed = ndjson.error(ndjson.items().get(1), ndjson.items().get(1).raw().earlier().get(0));
        assertThat(malformed.line()).isEqualTo(4);
        assertThat(malformed.detail()).startsWith("malformed JSON");
        ProblemError cell = csv.error(csv.items().get(0), Violation.of("participants", "must be ≥ 0"));
        assertThat(cell.line()).isEqualTo(2);
        assertThat(cell.pointer()).isNull();
        assertThat(cell.detail()).isEqualTo("Teilnehmende: must be ≥ 0");
    }

    @Test
    void csvRowsWithoutIdGetTheIdOfTheirContentAndOccurrence() {
        String row = "05974;2025-11-03;BILDUNG;FRUEHE_BILDUNG;BERATUNG;1;0;1;1\n";
        IntakeBody csv = parse("site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours\n"
                + row + row + row.replace(";1;0;1;1", ";2;0;1;1"), IntakeBody.Format.CSV);

        assertThat(csv.items()).extracting(item -> item.raw().get("id")).doesNotHaveDuplicates().allMatch(id -> id.length() == 36);
    }

    @Test
    void moreItemsThanAllowedIs413WhateverTheFormat() {
        assertThatThrownBy(() -> parse("[{},{},{},{}]", IntakeBody.Format.JSON)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThatThrownBy(() -> parse("{}\n{}\n{}\n{}\n", IntakeBody.Format.NDJSON)).isInstanceOf(ApiProblemException.class)
                .hasMessageContaining("more than 3");
    }

    @Test
    void bodiesWithoutAnyActivityAre400() {
        assertThatThrownBy(() -> parse("[]", IntakeBody.Format.JSON)).hasMessageContaining("no activity");
        assertThatThrownBy(() -> parse("  ", IntakeBody.Format.JSON)).hasMessageContaining("no activity");
        assertThatThrownBy(() -> parse("\"text\"", IntakeBody.Format.JSON)).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{} {}", IntakeBody.Format.JSON)).hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> parse("{\"site\":\"05974\",\"site\":\"05966\"}", IntakeBody.Format.JSON))
                .hasMessageContaining("not readable JSON");
    }

    @Test
    void jsonNestedDeeperThanTheReadLimitOrWithAHugeNumberIsRefusedWhileParsing() {
        String deep = "{\"note\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThatThrownBy(() -> parse(deep, IntakeBody.Format.JSON)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.errors()).extracting(ProblemError::detail).anySatisfy(
                        detail -> assertThat(detail).contains("nesting depth")));
        String longNumber = "{\"participants\":" + "9".repeat(500) + "}";
        assertThatThrownBy(() -> parse(longNumber, IntakeBody.Format.JSON)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.errors()).extracting(ProblemError::detail).anySatisfy(
                        detail -> assertThat(detail).contains("Number value length")));
    }

    @Test
    void aPlainArrayIsReadAsItsValuesWithNumbersWrittenAsTheTreeWritesThem() {
        IntakeBody body = parse("[{\"id\":\"a\",\"note\":null,\"metrics\":{\"participants\":-0,\"hours\":12345678901,"
                + "\"sessions\":null}},{\"site\":\"05974\"}]", IntakeBody.Format.JSON);

        assertThat(body.array()).isTrue();
        assertThat(body.items().get(0).raw().values()).isEqualTo(Map.of("id", "a", "participants", "0", "hours", "12345678901"));
        assertThat(body.items().get(0).raw().earlier()).isEmpty();
        assertThat(body.items().get(1).raw().values()).isEqualTo(Map.of("site", "05974"));
    }

    @Test
    void anArrayThatIsNotPlainGetsTheSamePreciseAnswersAsOneObject() {
        String longNumber = "[{\"metrics\":{\"participants\":" + "9".repeat(500) + "}}]";
        assertThatThrownBy(() -> parse(longNumber, IntakeBody.Format.JSON)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.errors()).extracting(ProblemError::detail).anySatisfy(
                        detail -> assertThat(detail).contains("Number value length")));
        assertThatThrownBy(() -> parse("[{\"site\":\"05974\",\"site\":\"05966\"}]", IntakeBody.Format.JSON))
                .hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> parse("[{}] []", IntakeBody.Format.JSON)).hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> parse("[{}", IntakeBody.Format.JSON)).hasMessageContaining("not readable JSON");

        IntakeBody typed = parse("[{\"site\":5974},{\"metrics\":{\"hours\":1.5}},[]]", IntakeBody.Format.JSON);

        assertThat(typed.items().get(0).raw().earlier()).extracting(Violation::field).containsExactly("site");
        assertThat(typed.items().get(1).raw().earlier()).extracting(Violation::field).containsExactly("hours");
        assertThat(typed.items().get(2).raw().earlier()).extracting(Violation::detail).containsExactly("must be a JSON object, found ARRAY");
    }
}
