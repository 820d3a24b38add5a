package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class IsoDatesTests {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Test
    void aDateInTheFormTheServicesWriteIsReadDigitByDigit() {
        assertThat(IsoDates.parse("2025-03-14")).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(IsoDates.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(EventJson.mapper().readValue("\"2024-02-29\"", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void anyOtherTextIsLeftToJacksonWithItsLeniencyAndItsMessages() {
        assertThat(IsoDates.parse("2025-02-30")).isNull();
        assertThat(IsoDates.parse("2025-3-14")).isNull();
        assertThat(IsoDates.parse("2025-03-1x")).isNull();
        assertThat(IsoDates.parse(" 2025-03-14")).isNull();
        for (String other : new String[] {"\" 2025-03-14 \"", "\"2025-02-30\"", "\"2025-13-01\"", "\"14.03.2025\"",
                "\"\"", "\"2025-03-14T10:15:30Z\"", "[2025,3,14]"}) {
            assertThat(outcome(EventJson.mapper(), other)).as(other).isEqualTo(outcome(PLAIN, other));
        }
        assertThat(outcome(EventJson.mapper(), "\"2025-02-30\"")).startsWith("refused: ");
    }

    /** What a mapper makes of the JSON: the date, or its message. */
    private static String outcome(JsonMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, LocalDate.class));
        } catch (JacksonException e) {
            return "refused: " + e.getMessage();
        }
    }
}
