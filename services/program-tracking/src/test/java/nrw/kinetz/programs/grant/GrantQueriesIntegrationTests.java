package nrw.kinetz.programs.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** Grant lists: filters, paging with links, CSV for spreadsheets, and the LaKI's overdue list. */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class GrantQueriesIntegrationTests {

    private static final String SITE = "05117";
    private static final String LISTED = "05119";

    @LocalServerPort
    int port;

    private Http http;
    private Grants grants;

    @BeforeEach
    void connect() {
        http = new Http(port);
        grants = new Grants(http);
    }

    @Test
    void listsFilterPageAndExportAsCsv() {
        String kim = grants.approved(LISTED, "KIM", null, 2025, "1234.50");
        grants.apply(LISTED, "KIM", null, 2024, "100.00");
        grants.apply(LISTED, "GRIFFBEREIT", null, 2025, "100.00");

        Http.Response page = http.get("/api/v1/grants?site=" + LISTED + "&size=2&page=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json()).hasSize(2);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(page.header("Link")).contains("rel=\"next\"").contains("site=" + LISTED);

        Http.Response approved = http.get("/api/v1/grants?site=" + LISTED + "&status=approved&year=2025&program=KIM");
        assertThat(approved.json()).hasSize(1);
        assertThat(approved.json().get(0).get("grantId").asString()).isEqualTo(kim);

        Http.Response csv = http.get("/api/v1/grants?site=" + LISTED + "&program=KIM&year=2025", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFZuwendung;KI;Programm;Baustein;Haushaltsjahr;Status;Beantragt;")
                .contains(kim + ";" + LISTED + ";KIM;;2025;APPROVED;1234,50;1234,50;0,00;1234,50;0,00;2026-06-30;OPEN;;2");
    }

    @Test
    void badFilterValuesAreRefusedTogether() {
        Http.Response refused = http.get("/api/v1/grants?site=123&program=NOPE&year=soon&status=LOST");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorPointers()).containsExactlyInAnyOrder("/site", "/program", "/year", "/status");
    }

    @Test
    void theOverdueListShowsApprovedGrantsWhoseProofOfUseIsPastDueAndNotSubmitted() {
        String overdue = grants.approved(SITE, "RUCKSACK_SCHULE", null, 2024, "500.00");
        String current = grants.approved(SITE, "RUCKSACK_SCHULE", null, 2026, "500.00");

        Http.Response list = http.get("/api/v1/grants/overdue-proofs");

        assertThat(list.json()).extracting(g -> g.get("grantId").asString()).contains(overdue).doesNotContain(current);
        assertThat(grants.get(overdue).json().get("proofOverdue").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/grants/overdue-proofs", "Accept", "text/csv").body()).contains(overdue);
    }
}
