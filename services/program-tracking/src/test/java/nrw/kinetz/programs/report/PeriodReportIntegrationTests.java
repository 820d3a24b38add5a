package nrw.kinetz.programs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.program.CorrectionRecorded;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.Activities;
import nrw.kinetz.programs.ProgramEvents;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The approval lock: a report keeps the figures of its submission; activities arriving later for a locked period
 * are recorded as corrections beside the approved figures, not merged into them; the LaKI can reopen.
 */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class PeriodReportIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 3);

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    private Http http;
    private Activities activities;
    private ProgramEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        activities = new Activities(publisher);
        events = new ProgramEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void lateActivitiesForALockedPeriodAreCorrectionsBesideTheApprovedFiguresUntilTheLakiReopens() {
        String site = "05334";
        ActivityReported early = activities.report(Activities.activity(site, Program.KIM, null, null, DAY, 12, 0, 6));
        activities.report(Activities.activity(site, Program.KIM, null, null, DAY, 8, 0, 4));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cases(current(site)) == 2);

        Http.Response submitted = submit(site, "KIM", 2025, TestTokens.ki(site));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(cases(submitted.json().get("submittedFigures"))).isEqualTo(2);
        Http.Response accepted = decide(site, "acceptance", submitted.header("ETag"), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

        activities.report(Activities.activity(site, Program.KIM, null, null, DAY.plusDays(1), 5, 0, 1));
        activities.report(Activities.activity(site, Program.KIM, null, null, DAY.plusDays(2), 5, 0, 1));
        activities.retract(early);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> report(site).get("changesSinceSubmission").asInt() == 3);

        JsonNode locked = report(site);
        assertThat(cases(locked.get("submittedFigures"))).isEqualTo(2);
        assertThat(cases(locked.get("currentFigures"))).isEqualTo(3);
        assertThat(locked.get("corrections")).extracting(c -> c.get("retraction").asBoolean()).containsExactly(false, false, true);
        assertThat(events.all(site, ProgramEventTypes.CORRECTION_RECORDED))
                .extracting(CorrectionRecorded::correctionsSinceSubmission).containsExactly(1, 2, 3);

        assertThat(submit(site, "KIM", 2025, TestTokens.ki(site)).status()).isEqualTo(409);
        Http.Response reopened = decide(site, "reopening", locked.get("version").asString(), "Nachmeldungen übernehmen");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        Http.Response again = submit(site, "KIM", 2025, TestTokens.ki(site));
        assertThat(again.status()).isEqualTo(201);
        assertThat(cases(again.json().get("submittedFigures"))).isEqualTo(3);
        assertThat(again.json().get("changesSinceSubmission").asInt()).isZero();
        assertThat(again.json().get("steps")).extracting(s -> s.get("status").asString())
                .containsExactly("SUBMITTED", "ACCEPTED", "REOPENED", "SUBMITTED");
        assertThat(events.typesAbout(site)).containsSubsequence("nrw.ki.program.period-report-submitted.v1",
                "nrw.ki.program.period-report-accepted.v1", "nrw.ki.program.correction-recorded.v1",
                "nrw.ki.program.period-reopened.v1", "nrw.ki.program.period-report-submitted.v1");
    }

    @Test
    void aReturnedReportIsSubmittedAgain() {
        String site = "05362";
        Http.Response submitted = submit(site, "GRIFFBEREIT", 2024, TestTokens.ki(site));
        Http.Response returned = decide(site, "GRIFFBEREIT", 2024, "return", submitted.header("ETag"), "Gruppenzahl fehlt");
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(submit(site, "GRIFFBEREIT", 2024, TestTokens.ki(site)).status()).isEqualTo(201);
    }

    @Test
    void badReportRequestsAreRefusedAndChangeNothing() {
        String site = "05370";
        int nextYear = LocalDate.now().getYear() + 1;
        Http.Response future = submit(site, "KIM", nextYear, TestTokens.ki(site));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorPointers()).contains("/budgetYear");
        assertThat(submit(site, "KIM", 2019, TestTokens.ki(site)).status()).isEqualTo(400);
        assertThat(submit(site, "KIM", 2025, TestTokens.ki("05974")).status()).isEqualTo(403);
        assertThat(submit(site, "KIM", 2025, TestTokens.viewer()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/reports?site=" + site).json()).isEmpty();

        Http.Response submitted = submit(site, "KIM", 2025, TestTokens.ki(site));
        String etag = submitted.header("ETag");
        assertThat(http.send("POST", "/api/v1/reports/" + site + "/KIM/2025/acceptance", TestTokens.ki(site), etag, null)
                .status()).isEqualTo(403);
        assertThat(decide(site, "acceptance", null, null).status()).isEqualTo(428);
        assertThat(decide(site, "reopening", etag, "zu früh").status()).isEqualTo(409);
        Http.Response accepted = decide(site, "acceptance", etag, null);
        assertThat(decide(site, "acceptance", accepted.header("ETag"), null).status()).isEqualTo(409);
    }

    private Http.Response submit(String site, String program, int year, String token) {
        return http.send("POST", "/api/v1/reports", token, null,
                "{\"siteId\":\"" + site + "\",\"program\":\"" + program + "\",\"budgetYear\":" + year + "}");
    }

    private Http.Response decide(String site, String decision, String etag, String comment) {
        return decide(site, "KIM", 2025, decision, etag, comment);
    }

    private Http.Response decide(String site, String program, int year, String decision, String etag, String comment) {
        return http.send("POST", "/api/v1/reports/" + site + "/" + program + "/" + year + "/" + decision, TestTokens.laki(),
                etag, comment == null ? null : "{\"comment\":\"" + comment + "\"}");
    }

    private JsonNode report(String site) {
        return http.get("/api/v1/reports/" + site + "/KIM/2025", "Authorization", TestTokens.bearer(TestTokens.laki())).json();
    }

    private JsonNode current(String site) {
        return http.get("/api/v1/indicators?site=" + site + "&program=KIM&year=2025", "Authorization",
                TestTokens.bearer(TestTokens.laki())).json();
    }

    /** The CASES figure (one per activity) among {@code figures}. */
    private static long cases(JsonNode figures) {
        for (JsonNode figure : figures) {
            if (figure.get("indicator").asString().equals("CASES")) {
                return figure.get("actual").asLong();
            }
        }
        return 0;
    }
}
