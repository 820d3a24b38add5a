package nrw.kinetz.programs.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** Every kind of bad grant request gets problem+json with an {@code errors} array, and changes nothing. */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class GrantBadInputIntegrationTests {

    private static final String SITE = "05116";

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
    void aNegativeAmountIsRefusedAtItsField() {
        assertRefusedWithoutAGrant(grants.apply(SITE, "KIM", null, 2025, "-100.00"), 400, "/amountApplied", "negative");
    }

    @Test
    void anAmountWithThreeDecimalsIsRefusedAtItsField() {
        assertRefusedWithoutAGrant(grants.apply(SITE, "KIM", null, 2025, "100.005"), 400, "/amountApplied",
                "more than two decimal places");
    }

    @Test
    void anUnknownProgramIsRefusedWithTheKnownOnes() {
        assertRefusedWithoutAGrant(grants.apply(SITE, "KOMM_AN_IV", null, 2025, "100.00"), 400, "/program", "KOMM_AN_II");
    }

    @Test
    void aBlockTheProgramDoesNotHaveIsRefused() {
        assertRefusedWithoutAGrant(grants.apply(SITE, "KOMM_AN_II", "E", 2025, "100.00"), 400, "/block", "not a block");
        assertRefusedWithoutAGrant(grants.apply(SITE, "KIM", "A", 2025, "100.00"), 400, "/block", "has no blocks");
    }

    @Test
    void aBudgetYearOutsideTheProgramsYearsIsRefused() {
        assertRefusedWithoutAGrant(grants.apply(SITE, "KIM", null, 2019, "100.00"), 400, "/budgetYear", "outside KIM");
        assertRefusedWithoutAGrant(grants.apply(SITE, "KOMM_IN", null, 2013, "100.00"), 400, "/budgetYear", "2005–2012");
    }

    @Test
    void anUnknownSiteIsRefused() {
        Http.Response refused = http.send("POST", "/api/v1/grants", TestTokens.laki(), null,
                "{\"siteId\":\"05999\",\"program\":\"KIM\",\"budgetYear\":2025,\"amountApplied\":\"100.00\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorPointers()).contains("/siteId");
    }

    @Test
    void approvingTwiceIsAConflict() {
        String id = grants.approved(SITE, "GRIFFBEREIT", null, 2024, "3000.00");
        String etag = grants.etag(id);

        Http.Response twice = grants.approve(id, etag, "3000.00");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("errors")).isNotEmpty();
        assertThat(grants.etag(id)).isEqualTo(etag);
    }

    @Test
    void aKiTokenOfAnotherSiteGets403OnTheGrant() {
        String id = grants.approved(SITE, "RUCKSACK_SCHULE", null, 2025, "3000.00");
        String etag = grants.etag(id);

        assertThat(grants.disburse("05974", id, "100.00").status()).isEqualTo(403);
        assertThat(http.send("PUT", "/api/v1/grants/" + id + "/proof-of-use", TestTokens.ki("05974"), etag,
                "{\"narrative\":\"x\",\"spent\":\"0.00\",\"unspent\":\"0.00\"}").status()).isEqualTo(403);
        assertThat(grants.apply("05974", "KIM", null, 2025, "1.00").status()).isEqualTo(201);
        assertThat(http.send("POST", "/api/v1/grants", TestTokens.ki("05974"), null,
                "{\"siteId\":\"" + SITE + "\",\"program\":\"KIM\",\"budgetYear\":2024,\"amountApplied\":\"1.00\"}").status())
                .isEqualTo(403);
        assertThat(grants.etag(id)).isEqualTo(etag);
    }

    @Test
    void decisionsAreTheLakisAndChangesNeedATokenWithARole() {
        Http.Response applied = grants.apply(SITE, "KOMM_AN_III", null, 2025, "1000.00");
        String id = applied.json().get("grantId").asString();
        String etag = applied.header("ETag");

        assertThat(http.send("POST", "/api/v1/grants/" + id + "/approval", TestTokens.ki(SITE), etag,
                "{\"amountGranted\":\"1000.00\"}").status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/grants/" + id + "/approval", TestTokens.viewer(), etag,
                "{\"amountGranted\":\"1000.00\"}").status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/grants/" + id + "/disbursements", TestTokens.viewer(), null,
                "{\"amount\":\"1.00\"}").status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/grants", null, null, "{}").status()).isEqualTo(401);
        assertThat(grants.etag(id)).isEqualTo(etag);
    }

    @Test
    void aDecisionWithoutIfMatchOrOnAStaleVersionChangesNothing() {
        Http.Response applied = grants.apply(SITE, "KOMM_AN_I", null, 2025, "1000.00");
        String id = applied.json().get("grantId").asString();

        assertThat(grants.approve(id, null, "1000.00").status()).isEqualTo(428);
        Http.Response stale = grants.approve(id, "\"7\"", "1000.00");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).as("the current version, to read again").isEqualTo(applied.header("ETag"));
        assertThat(grants.get(id).json().get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void disbursingFromAGrantThatIsNotApprovedOrWithAZeroAmountIsRefused() {
        Http.Response applied = grants.apply(SITE, "KI_GRUNDFOERDERUNG", null, 2025, "1000.00");
        String id = applied.json().get("grantId").asString();
        assertThat(grants.disburse(SITE, id, "10.00").status()).isEqualTo(409);

        grants.approve(id, applied.header("ETag"), "1000.00");
        Http.Response zero = grants.disburse(SITE, id, "0.00");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorPointers()).contains("/amount");
        assertThat(grants.get(id).json().get("disbursed").asString()).isEqualTo("0.00");
    }

    @Test
    void aProofOfUseWhoseTotalsDoNotAddUpToWhatWasDrawnIsRefused() {
        String id = grants.approved(SITE, "RUCKSACK_KITA", null, 2024, "2000.00");
        grants.disburse(SITE, id, "2000.00");

        Http.Response refused = http.send("PUT", "/api/v1/grants/" + id + "/proof-of-use", TestTokens.ki(SITE),
                grants.etag(id), "{\"narrative\":\"Bericht\",\"spent\":\"1500.00\",\"unspent\":\"400.00\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorPointers()).contains("/spent");
        assertThat(grants.get(id).json().get("proofOfUse").get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aBadFilterIsExplainedInGermanWhenAskedForAndInEnglishOtherwise() {
        Http.Response german = http.get("/api/v1/grants?year=abc&status=OPEN", "Accept-Language", "de");

        assertThat(german.status()).isEqualTo(400);
        assertThat(german.json().get("detail").asString()).isEqualTo("Der Filter hat 2 unbekannte(n) Wert(e).");
        assertThat(german.json().get("errors").findValuesAsString("detail")).containsExactly(
                "'abc' ist kein Haushaltsjahr wie 2025",
                "'OPEN' ist kein Status einer Zuwendung; erlaubt: APPLIED, APPROVED, REJECTED");
        assertThat(http.get("/api/v1/grants?year=abc").json().get("detail").asString())
                .isEqualTo("The filter has 1 unknown value(s).");
    }

    @Test
    void applyingTwiceForTheSameProgramBlockAndYearIsAConflict() {
        assertThat(grants.apply(SITE, "KOMM_AN_II", "C", 2025, "100.00").status()).isEqualTo(201);
        Http.Response twice = grants.apply(SITE, "KOMM_AN_II", "c", 2025, "200.00");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/grants?site=" + SITE + "&program=KOMM_AN_II&year=2025").json()).hasSize(1);
    }

    private void assertRefusedWithoutAGrant(Http.Response refused, int status, String pointer, String detail) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorPointers()).contains(pointer);
        assertThat(refused.errorDetails()).contains(detail);
        assertThat(http.get("/api/v1/grants?site=" + SITE + "&year=2019&year=2013&year=2025&program=KIM&program=KOMM_IN")
                .json()).isEmpty();
    }
}
