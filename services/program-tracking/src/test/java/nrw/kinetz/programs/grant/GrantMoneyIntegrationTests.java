package nrw.kinetz.programs.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.model.Money;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.ProgramEvents;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * The money rules under load: the sum drawn never exceeds the amount granted and the sum passed on never
 * exceeds the sum drawn, also when many requests race, on the embedded store without transactions.
 */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class GrantMoneyIntegrationTests {

    private static final int REQUESTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Http http;
    private Grants grants;
    private ProgramEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        grants = new Grants(http);
        events = new ProgramEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void fiftyConcurrentDisbursementsThatTogetherExceedTheGrantSucceedExactlyAsFarAsTheyFit() throws Exception {
        String site = "05111";
        // 50 requests of 1,000.00 against 20,000.00 granted: exactly 20 fit.
        String id = grants.approved(site, "KIM", null, 2025, "20000.00");

        List<Integer> statuses = race(REQUESTS, () -> grants.disburse(site, id, "1000.00").status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 20);
        Http.Response grant = grants.get(id);
        assertThat(grant.json().get("disbursed").asString()).isEqualTo("20000.00");
        assertThat(grant.json().get("available").asString()).isEqualTo("0.00");
        assertThat(grant.json().get("disbursements")).hasSize(20);
        List<FundsDisbursed> published = events.all(site, id, ProgramEventTypes.FUNDS_DISBURSED);
        assertThat(published).hasSize(20);
        // Every event's running total is a distinct step, so no two draws were decided on the same state.
        assertThat(published).extracting(FundsDisbursed::totalDisbursed).doesNotHaveDuplicates()
                .contains(Money.parse("20000.00"));
    }

    @Test
    void aDisbursementBeyondTheGrantIsRefusedWithWhatCanStillBeDrawn() {
        String site = "05112";
        String id = grants.approved(site, "GRIFFBEREIT", null, 2025, "5000.00");
        assertThat(grants.disburse(site, id, "4000.00").status()).isEqualTo(201);
        String etag = grants.etag(id);

        Http.Response refused = grants.disburse(site, id, "1000.01");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("1000.00 can still be drawn");
        assertThat(grants.etag(id)).isEqualTo(etag);
        assertThat(grants.disburse(site, id, "1000.00").status()).isEqualTo(201);
    }

    @Test
    void subGrantsNeverExceedWhatWasDrawnAlsoWhenTheyRace() throws Exception {
        String site = "05113";
        String id = grants.approved(site, "KOMM_AN_II", "B", 2025, "30000.00");
        assertThat(grants.disburse(site, id, "10000.00").status()).isEqualTo(201);

        List<Integer> statuses = race(REQUESTS, () -> grants.passOn(site, id, "500.00").status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 20);
        assertThat(grants.get(id).json().get("passedOn").asString()).isEqualTo("10000.00");
    }

    @Test
    void onlyKommAnTwoMoneyIsPassedOn() {
        String site = "05114";
        String id = grants.approved(site, "RUCKSACK_KITA", null, 2025, "8000.00");
        assertThat(grants.disburse(site, id, "8000.00").status()).isEqualTo(201);

        Http.Response refused = grants.passOn(site, id, "100.00");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorDetails()).contains("Only KOMM_AN_II");
        assertThat(grants.get(id).json().get("subGrants")).isEmpty();
    }

    private static List<Integer> race(int requests, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
