package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Claims and their answers are per site (docs/architecture.md#idempotency): a KI's token that guesses another site's
 * rows — whose ids a CSV without ids derives from the row's content — learns nothing from a dry run, a push or a
 * retraction, and the site's own duplicates still count once.
 */
class ClaimProbeIntegrationTests extends IntakeIntegrationTest {

    private static final String SOEST = "05974";
    private static final String ATTACKER = "05966";

    @Test
    void anotherSitesTokenProbingGuessedRowsGetsTheAnswersOfFreshIds() {
        Activities row = Activities.of(SOEST).with("id", "").with("participants", "3");
        expect(api.report(IntakeApi.CSV, Activities.csv(List.of(row), ';'), TestTokens.ki(SOEST)), 202);
        String soestId = derivedId(row);
        assertThat(topic.withIds(List.of(soestId))).hasSize(1);

        // Dry runs: the attacker's own activity under the id of each guess of Soest's row, and under a fresh id.
        List<String> answers = new ArrayList<>();
        for (int participants = 1; participants <= 4; participants++) {
            String guess = derivedId(Activities.of(SOEST).with("id", "").with("occurredOn", row.get("occurredOn"))
                    .with("participants", Integer.toString(participants)));
            answers.add(probe(guess, 3));
        }
        String fresh = probe(UUID.randomUUID().toString(), 3);
        assertThat(answers).as("the right guess (3) answers like the wrong ones and like a fresh id").containsOnly(fresh);
        assertThat(fresh).isEqualTo("200 valid");

        // Retraction: Soest's id answers like an id nobody has.
        String nobody = UUID.randomUUID().toString();
        JsonNode retractSoest = expect(api.retract(soestId, null, TestTokens.ki(ATTACKER)), 404);
        JsonNode retractNobody = expect(api.retract(nobody, null, TestTokens.ki(ATTACKER)), 404);
        assertThat(retractSoest.toString().replace(soestId, "ID")).as("the same answer but for the id")
                .isEqualTo(retractNobody.toString().replace(nobody, "ID"));
        assertThat(topic.withIds(List.of(soestId))).as("Soest's activity is not retracted").hasSize(1);
    }

    @Test
    void aSiteMayUseAnIdAnotherSiteHasAndBothAreCountedOnceUnderTheirOwnIds() {
        Activities row = Activities.of(SOEST).with("id", "").with("participants", "2");
        String soestCsv = Activities.csv(List.of(row), ';');
        expect(api.report(IntakeApi.CSV, soestCsv, TestTokens.ki(SOEST)), 202);
        String id = derivedId(row);
        long before = topic.size();

        Activities attackers = Activities.of(ATTACKER).with("id", id);
        JsonNode pushed = expect(api.report(IntakeApi.JSON, attackers.json(), TestTokens.ki(ATTACKER)), 202);
        JsonNode again = expect(api.report(IntakeApi.JSON, attackers.json(), TestTokens.ki(ATTACKER)), 202);
        JsonNode soestAgain = expect(api.report(IntakeApi.CSV, soestCsv, TestTokens.ki(SOEST)), 202);

        assertThat(pushed.get("items").get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(pushed.get("items").get(0).get("id").asString()).as("the id the site sent").isEqualTo(id);
        assertThat(again.get("items").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(soestAgain.get("items").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(topic.size()).as("one new record: the attacker's, once").isEqualTo(before + 1);
        assertThat(topic.withIds(List.of(id))).as("Soest's record keeps the id").hasSize(1)
                .allSatisfy(record -> assertThat(record.key()).isEqualTo(SOEST));
        String scoped = ActivityLedger.siteScoped(nrw.kinetz.model.SiteId.of(ATTACKER), UUID.fromString(id)).toString();
        assertThat(topic.withIds(List.of(scoped))).as("the attacker's under its site's form of the id").hasSize(1)
                .allSatisfy(record -> assertThat(record.key()).isEqualTo(ATTACKER));

        // Each site retracts its own activity by the id it sent.
        expect(api.retract(id, null, TestTokens.ki(ATTACKER)), 202);
        expect(api.retract(id, null, TestTokens.ki(SOEST)), 202);
        assertThat(topic.size()).isEqualTo(before + 3);
    }

    /** @return the status code and the item's status of a dry run of the attacker's own activity under {@code id} */
    private String probe(String id, int participants) {
        Activities own = Activities.of(ATTACKER).with("id", id).with("participants", Integer.toString(participants));
        var response = api.report("?dryRun=true", IntakeApi.JSON, own.json(), TestTokens.ki(ATTACKER));
        JsonNode body = IntakeApi.json(response);
        return response.statusCode() + " " + (body.has("items") ? body.get("items").get(0).get("status").asString()
                : body.get("errors").toString());
    }

    private static String derivedId(Activities row) {
        Map<String, String> cells = new LinkedHashMap<>();
        ActivityCsv.COLUMNS.forEach(column -> cells.put(column, row.get(column)));
        return ActivityCsv.derivedId(cells, 1).toString();
    }
}
