package nrw.kinetz.reporting.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.GrantApplied;
import nrw.kinetz.model.program.GrantApproved;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.MeasureStarted;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.model.program.ProofOfUseAccepted;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code measure=programs} through the real broker and store: program events published as program tracking
 * publishes them, money and indicators read back over HTTP in JSON and CSV, redelivery counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class ProgramsMeasureIntegrationTests {

    private static final SiteId SOEST = SiteId.of("05974");
    private static final int YEAR = 2031;

    @Autowired
    EventPublisher publisher;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;

    @BeforeEach
    void connect() {
        http = new ReportingHttp(port);
    }

    @Test
    void grantsMoneyAndIndicatorsAreAggregatedByProgramWithExactAmounts() {
        UUID grant = UUID.randomUUID();
        publish(ProgramEventTypes.GRANT_APPLIED, new GrantApplied(grant, SOEST, Program.KOMM_AN_II, Program.Block.A, YEAR,
                Money.parse("20000.00"), LocalDate.of(YEAR - 1, 10, 1)));
        publish(ProgramEventTypes.GRANT_APPROVED, new GrantApproved(grant, SOEST, Program.KOMM_AN_II, Program.Block.A, YEAR,
                Money.parse("15000.00"), LocalDate.of(YEAR - 1, 12, 1), LocalDate.of(YEAR + 1, 6, 30)));
        EventEnvelope<FundsDisbursed> drawn = publish(ProgramEventTypes.FUNDS_DISBURSED, new FundsDisbursed(grant, SOEST,
                Program.KOMM_AN_II, Program.Block.A, YEAR, UUID.randomUUID(), Money.parse("11250.10"), LocalDate.of(YEAR, 2, 1),
                Money.parse("11250.10")));
        publish(ProgramEventTypes.PROOF_OF_USE_ACCEPTED, new ProofOfUseAccepted(grant, SOEST, Program.KOMM_AN_II,
                Program.Block.A, YEAR, Money.parse("11000.00"), Money.parse("250.10"), LocalDate.of(YEAR + 1, 3, 1)));
        publish(ProgramEventTypes.MEASURE_STARTED, new MeasureStarted("KA2-" + YEAR + "-001", SOEST, Program.KOMM_AN_II,
                Program.Block.A, "Treffpunkt", LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31),
                Map.of(Indicator.VISITS, 600L)));
        EventEnvelope<IndicatorProgressed> visits = publish(ProgramEventTypes.INDICATOR_PROGRESSED, new IndicatorProgressed(
                SOEST, Program.KOMM_AN_II, Program.Block.A, YEAR, "KA2-" + YEAR + "-001", UUID.randomUUID(), false,
                Map.of(Indicator.VISITS, 3L, Indicator.MEETING_POINT_SESSIONS, 2L)));
        // Redelivered: counted once, and the older total does not overwrite anything.
        publisher.publishAndWait(visits);
        publisher.publishAndWait(drawn);

        String query = "/api/v1/aggregates?measure=programs&groupBy=program&period=" + YEAR;
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rows = json(http.get(query, TestTokens.laki())).get("rows");
            assertThat(rows.size()).as("rows for %s", YEAR).isPositive();
            JsonNode row = rows.get(0);
            assertThat(row.get("values").get("repayments").asString()).isEqualTo("250.10");
            assertThat(row.get("values").get("meetingPointSessions").asLong()).isEqualTo(2);
        });
        JsonNode laki = json(http.get(query, TestTokens.laki()));
        JsonNode values = laki.get("rows").get(0).get("values");
        assertThat(laki.get("rows").get(0).get("key").asString()).isEqualTo("KOMM_AN_II");
        assertThat(values.get("grants").asLong()).isEqualTo(1);
        // Money is decimal text with two decimals, never a JSON number (which many clients read as a double).
        assertThat(values.get("granted").isString()).isTrue();
        assertThat(values.get("granted").asString()).isEqualTo("15000.00");
        assertThat(values.get("disbursed").asString()).isEqualTo("11250.10");
        assertThat(values.get("spent").asString()).isEqualTo("11000.00");
        assertThat(values.get("utilisation").asString()).isEqualTo("0.75");
        assertThat(values.get("visits").asLong()).isEqualTo(3);
        assertThat(values.get("visitsTarget").asLong()).isEqualTo(600);

        JsonNode anonymous = json(http.get(query));
        assertThat(anonymous.get("rows").get(0).get("values").get("visits").get("suppressed").asBoolean()).isTrue();
        assertThat(anonymous.get("rows").get(0).get("values").get("granted").asString()).isEqualTo("15000.00");
        assertThat(anonymous.get("rows").get(0).get("values").get("visitsTarget").asLong()).as("targets are no people").isEqualTo(600);

        HttpResponse<String> csv = http.get("/api/v1/aggregates?measure=programs&groupBy=block&period=" + YEAR,
                "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("KOMM_AN_II/A").contains("15000,00").contains("11250,10");
    }

    private <T> EventEnvelope<T> publish(EventType<T> type, T payload) {
        EventEnvelope<T> event = EventEnvelope.of(UUID.randomUUID(), EventSource.service("program-tracking"), type,
                SOEST.value(), payload);
        publisher.publishAndWait(event);
        return event;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
