package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A CSV arrives on {@code ki.activities.v1} with its text exactly as written, whether the spreadsheet saved it as
 * UTF-8 (with or without BOM) or — German Excel's "CSV (Trennzeichen-getrennt)" — as Windows-1252; a text that
 * cannot be read without damage is refused with the reason and publishes nothing.
 */
class CsvEncodingIntegrationTests extends IntakeIntegrationTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String NOTE = "Elterncafé Bürgerhaus – Grüße an „alle“ für 5 €";

    @Test
    void windows1252FromGermanExcelIsDetectedAndArrivesIntact() {
        Activities activity = Activities.of("05974").with("note", NOTE);
        byte[] excel = Activities.csv(List.of(activity), ';').getBytes(WINDOWS_1252);

        expect(api.report("", IntakeApi.CSV, excel, TestTokens.ki("05974")), 202);

        assertThat(noteOnKafka(activity)).isEqualTo(NOTE);
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkArrivesIntact() {
        Activities withBom = Activities.of("05974").with("note", NOTE);
        Activities without = Activities.of("05974").with("note", NOTE + " (ohne BOM)");

        expect(api.report("", IntakeApi.CSV, ("\uFEFF" + Activities.csv(List.of(withBom), ';')).getBytes(StandardCharsets.UTF_8),
                TestTokens.ki("05974")), 202);
        expect(api.report("", IntakeApi.CSV, Activities.csv(List.of(without), ';').getBytes(StandardCharsets.UTF_8),
                TestTokens.ki("05974")), 202);

        assertThat(noteOnKafka(withBom)).isEqualTo(NOTE);
        assertThat(noteOnKafka(without)).isEqualTo(NOTE + " (ohne BOM)");
    }

    @Test
    void aDeclaredCharsetIsHonoured() {
        Activities activity = Activities.of("05974").with("note", NOTE);
        byte[] excel = Activities.csv(List.of(activity), ';').getBytes(WINDOWS_1252);

        expect(api.report("", IntakeApi.CSV + "; charset=windows-1252", excel, TestTokens.ki("05974")), 202);

        assertThat(noteOnKafka(activity)).isEqualTo(NOTE);
    }

    @Test
    void windows1252DeclaredAsUtf8IsRefusedWithTheByteThatIsWrong() {
        byte[] excel = Activities.csv(List.of(Activities.of("05974").with("note", NOTE)), ';').getBytes(WINDOWS_1252);

        JsonNode problem = publishesNothing(() -> api.report("", IntakeApi.CSV + "; charset=utf-8", excel, TestTokens.ki("05974")), 400);

        assertThat(problem.get("detail").asString()).contains("CSV UTF-8");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("not valid UTF-8", "0xE9");
    }

    @Test
    void utf16IsRefusedWithAHint() {
        byte[] utf16 = Activities.csv(List.of(Activities.of("05974").with("note", NOTE)), ';').getBytes(StandardCharsets.UTF_16);

        JsonNode problem = publishesNothing(() -> api.report("", IntakeApi.CSV, utf16, TestTokens.ki("05974")), 400);

        assertThat(problem.get("detail").asString()).contains("CSV UTF-8");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("UTF-16");
    }

    @Test
    void anUnsupportedDeclaredCharsetIs415InGermanToo() {
        byte[] body = Activities.csv(List.of(Activities.of("05974")), ';').getBytes(StandardCharsets.UTF_16);

        JsonNode problem = publishesNothing(() -> api.send(HttpRequest.newBuilder(api.uri("/api/v1/activities"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", IntakeApi.CSV + "; charset=utf-16")
                .header("Authorization", TestTokens.bearer(TestTokens.ki("05974"))).header("Accept-Language", "de").build()), 415);

        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("utf-16", "wird nicht unterstützt");
    }

    private String noteOnKafka(Activities activity) {
        var records = topic.withIds(List.of(activity.id()));
        assertThat(records).hasSize(1);
        return EventJson.mapper().readTree(ActivityTopic.value(records.get(0))).get("note").asString();
    }

    private JsonNode publishesNothing(Supplier<HttpResponse<String>> request, int status) {
        long before = topic.size();
        JsonNode problem = expect(request.get(), status);
        assertThat(topic.size()).as("records on ki.activities.v1").isEqualTo(before);
        return problem;
    }
}
