package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.testkit.TestTokens;

/** Operators see on {@code /actuator/prometheus} how many activities were accepted, duplicates or rejected. */
class IntakeMetricsIntegrationTests extends IntakeIntegrationTest {

    @Test
    void acceptedDuplicateAndRejectedActivitiesAreCountedOnThePrometheusEndpoint() {
        double accepted = counted("accepted");
        double duplicate = counted("duplicate");
        double rejected = counted("rejected");
        Activities activity = Activities.of("05974");

        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        expect(api.report(IntakeApi.JSON, Activities.array(List.of(activity, Activities.of("05974").with("participants", "-3"))),
                TestTokens.ki("05974")), 202);

        assertThat(counted("accepted")).isEqualTo(accepted + 1);
        assertThat(counted("duplicate")).isEqualTo(duplicate + 1);
        assertThat(counted("rejected")).isEqualTo(rejected + 1);
    }

    private double counted(String outcome) {
        var scrape = api.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^kinetz_intake_activities_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(scrape.body());
        assertThat(m.find()).as("kinetz_intake_activities_total{outcome=%s} in%n%s", outcome, scrape.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
