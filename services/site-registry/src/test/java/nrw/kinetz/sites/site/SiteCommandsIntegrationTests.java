package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.site.ContactChanged;
import nrw.kinetz.model.site.FocusAreasChanged;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffingChanged;
import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Every command over real HTTP against the real broker and store: who may call it, the concurrency rules,
 * the event it publishes, and for each kind of bad input the precise error and that nothing changed.
 *
 * <p>Each test works on its own site with an id no KI has (059xx), so tests neither see each other's changes
 * nor touch the seeded 54.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class SiteCommandsIntegrationTests {

    private static final String REGISTERED = SiteEventTypes.REGISTERED.name();
    private static final String STAFFING_CHANGED = SiteEventTypes.STAFFING_CHANGED.name();

    @Value("${local.server.port}")
    int port;

    @Autowired
    SiteStore store;

    private Http http;
    private SiteEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        events = new SiteEvents(infrastructure.kafkaBootstrapServers(), store);
    }

    @Test
    void registeringASiteNeedsATokenWithTheLakiRole() {
        String body = registration("05990", "Neukreis", "2024-01-10");

        Http.Response anonymous = http.send("POST", "/api/v1/sites", null, null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.send("POST", "/api/v1/sites", TestTokens.viewer(), null, body).status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/sites", TestTokens.ki("05990"), null, body).status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/sites", TestTokens.viewer(), null, "{}").status())
                .as("the role is checked before the body").isEqualTo(403);
        assertThat(http.get("/api/v1/sites/05990").status()).as("refused writes store nothing").isEqualTo(404);

        Http.Response created = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/sites/05990");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().get("status").asString()).isEqualTo("DECIDED");
        assertThat(created.json().get("regierungsbezirk").asString()).isEqualTo("ARNSBERG");
        assertThat(created.json().get("staffing").get("totalFte").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(events.typesAbout("05990")).containsExactly(REGISTERED, STAFFING_CHANGED);
        assertThat(events.last("05990", SiteEventTypes.REGISTERED).statusSince()).isEqualTo(LocalDate.of(2024, 1, 10));
    }

    @Test
    void tokensOfAnUnknownIssuerOrWithABadSignatureAreRefused() {
        String body = registration("05991", "Neukreis", "2024-01-10");

        assertThat(http.send("POST", "/api/v1/sites", TestTokens.fromUnknownIssuer(), null, body).status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/sites", TestTokens.withForeignSignature(), null, body).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/sites/05991").status()).isEqualTo(404);
    }

    @Test
    void registeringASiteTwiceIsAConflictAndPublishesNothingMore() {
        register("05992");

        Http.Response again = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, registration("05992", "Doppelt", "2024-01-10"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/sites/05992").json().get("name").asString()).isEqualTo("Testkreis 05992");
        assertThat(events.typesAbout("05992")).containsExactly(REGISTERED, STAFFING_CHANGED);
    }

    @Test
    void aRegistrationWithAMalformedSiteIdOrAFutureDateIs400AndStoresNothing() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();

        Http.Response malformed = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, registration("0599", "Kaputt", "2024-01-10"));
        Http.Response future = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, registration("05993", "Zukunft", tomorrow));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorPointers()).containsExactly("/siteId");
        assertThat(malformed.errorDetails()).contains("'0599' is not a KI site id");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorPointers()).containsExactly("/statusSince");
        assertThat(future.errorDetails()).contains("lies in the future");
        assertThat(http.get("/api/v1/sites/05993").status()).isEqualTo(404);
    }

    @Test
    void aSiteOfTheSyntheticKeyRangeIs400AndStoresNothingUnlessTheBenchmarkTurnedItOn() {
        Http.Response synthetic = http.send("POST", "/api/v1/sites", TestTokens.laki(), null,
                registration("05999001", "Benchmarkkreis", "2024-01-10"));

        assertThat(synthetic.status()).isEqualTo(400);
        assertThat(synthetic.errorPointers()).containsExactly("/siteId");
        assertThat(synthetic.json().get("detail").asString()).contains("synthetic key range");
        assertThat(http.get("/api/v1/sites/05999001").status()).isEqualTo(404);
        assertThat(events.typesAbout("05999001")).isEmpty();
    }

    @Test
    void theLakiMovesASiteToItsNextStatusWithABackDatedStep() {
        register("05994");

        Http.Response funded = http.send("PUT", "/api/v1/sites/05994/status", TestTokens.laki(), "\"1\"",
                "{\"status\":\"FUNDED\",\"effectiveOn\":\"2024-03-01\"}");

        assertThat(funded.status()).isEqualTo(200);
        assertThat(funded.header("ETag")).isEqualTo("\"2\"");
        assertThat(funded.json().get("status").asString()).isEqualTo("FUNDED");
        assertThat(funded.json().get("lifecycle")).hasSize(2);
        assertThat(http.get("/api/v1/sites/05994").header("ETag")).isEqualTo("\"2\"");
        assertThat(events.last("05994", SiteEventTypes.STATUS_CHANGED)).isEqualTo(new SiteStatusChanged(
                SiteId.of("05994"), SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void statusIsTheLakisDecisionNotTheKisNorAViewers() {
        register("05995");
        String body = "{\"status\":\"FUNDED\"}";

        assertThat(http.send("PUT", "/api/v1/sites/05995/status", null, "\"1\"", body).status()).isEqualTo(401);
        assertThat(http.send("PUT", "/api/v1/sites/05995/status", TestTokens.ki("05995"), "\"1\"", body).status()).isEqualTo(403);
        assertThat(http.send("PUT", "/api/v1/sites/05995/status", TestTokens.viewer(), "\"1\"", body).status()).isEqualTo(403);
        assertUnchanged("05995");
    }

    @Test
    void aChangeWithoutIfMatchIs428AndWithAStaleOneIs412AndNeitherChangesAnything() {
        register("05996");
        String body = "{\"status\":\"FUNDED\"}";

        Http.Response missing = http.send("PUT", "/api/v1/sites/05996/status", TestTokens.laki(), null, body);
        Http.Response stale = http.send("PUT", "/api/v1/sites/05996/status", TestTokens.laki(), "\"0\"", body);

        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertUnchanged("05996");
        for (String path : List.of("/staffing", "/focus-areas", "/contact")) {
            assertThat(http.send("PUT", "/api/v1/sites/05996" + path, TestTokens.laki(), null, validBodyFor(path)).status())
                    .as("PUT %s without If-Match", path).isEqualTo(428);
        }
        assertUnchanged("05996");
    }

    @Test
    void anIllegalTransitionIs409NamingTheAllowedNextStatesAndChangesNothing() {
        register("05997");

        Http.Response skipped = http.send("PUT", "/api/v1/sites/05997/status", TestTokens.laki(), "\"1\"",
                "{\"status\":\"ESTABLISHED\"}");

        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.json().get("detail").asString())
                .isEqualTo("ESTABLISHED cannot follow DECIDED; allowed next states: FUNDED, CLOSED");
        assertUnchanged("05997");
    }

    @Test
    void aFutureOrOutOfOrderStatusDateIs400AndChangesNothing() {
        register("05998");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();

        Http.Response future = http.send("PUT", "/api/v1/sites/05998/status", TestTokens.laki(), "\"1\"",
                "{\"status\":\"FUNDED\",\"effectiveOn\":\"" + tomorrow + "\"}");
        Http.Response beforeDecision = http.send("PUT", "/api/v1/sites/05998/status", TestTokens.laki(), "\"1\"",
                "{\"status\":\"FUNDED\",\"effectiveOn\":\"2024-01-09\"}");

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorPointers()).containsExactly("/effectiveOn");
        assertThat(beforeDecision.status()).isEqualTo(400);
        assertThat(beforeDecision.errorDetails()).contains("lies before 2024-01-10");
        assertUnchanged("05998");
    }

    @Test
    void aKiChangesTheStaffingOfItsOwnSiteAndTheEventCarriesTheWholePlan() {
        register("05190");
        String plan = "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":2,\"fundedBy\":\"STATE\"},"
                + "{\"kind\":\"SOZIALPAEDAGOGISCHE_FACHKRAFT\",\"fte\":0.5,\"fundedBy\":\"PROGRAM\",\"program\":\"KOMM_AN_I\"},"
                + "{\"kind\":\"SONSTIGE\",\"title\":\"Sprachmittlerpool\",\"fte\":0.25,\"fundedBy\":\"MUNICIPALITY\"}]}";

        Http.Response changed = http.send("PUT", "/api/v1/sites/05190/staffing", TestTokens.ki("05190"), "\"1\"", plan);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().get("staffing").get("totalFte").decimalValue()).isEqualByComparingTo("2.75");
        StaffingChanged event = events.last("05190", SiteEventTypes.STAFFING_CHANGED);
        assertThat(event.totalFte()).isEqualByComparingTo("2.75");
        assertThat(event.posts()).extracting(p -> p.kind(), p -> p.fundedBy(), p -> p.program()).containsExactly(
                tuple(PostKind.LEHRKRAFT, FundingSource.STATE, null),
                tuple(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, FundingSource.PROGRAM, Program.KOMM_AN_I),
                tuple(PostKind.SONSTIGE, FundingSource.MUNICIPALITY, null));
        assertThat(http.send("PUT", "/api/v1/sites/05190/staffing", TestTokens.laki(), "\"2\"", validBodyFor("/staffing")).status())
                .as("the LaKI may change any site's staffing").isEqualTo(200);
    }

    @Test
    void aKiTokenOfAnotherSiteIs403ForStaffingFocusAreasAndContactAndChangesNothing() {
        register("05191");

        for (String path : List.of("/staffing", "/focus-areas", "/contact")) {
            Http.Response foreign = http.send("PUT", "/api/v1/sites/05191" + path, TestTokens.ki("05974"), "\"1\"", validBodyFor(path));
            assertThat(foreign.status()).as("PUT %s by another site's ki", path).isEqualTo(403);
            assertThat(foreign.body()).contains("a token of site 05974 may not act for site 05191");
            assertThat(http.send("PUT", "/api/v1/sites/05191" + path, TestTokens.viewer(), "\"1\"", validBodyFor(path)).status())
                    .as("PUT %s by a viewer", path).isEqualTo(403);
        }
        assertUnchanged("05191");
    }

    @Test
    void negativeFteOrMoreThanFiftyIs400PointingAtThePostAndChangesNothing() {
        register("05192");

        Http.Response negative = http.send("PUT", "/api/v1/sites/05192/staffing", TestTokens.laki(), "\"1\"",
                "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":-1,\"fundedBy\":\"STATE\"}]}");
        Http.Response tooMany = http.send("PUT", "/api/v1/sites/05192/staffing", TestTokens.laki(), "\"1\"",
                "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":2,\"fundedBy\":\"STATE\"},{\"kind\":\"LEHRKRAFT\",\"fte\":51,\"fundedBy\":\"STATE\"}]}");
        Http.Response programMissing = http.send("PUT", "/api/v1/sites/05192/staffing", TestTokens.laki(), "\"1\"",
                "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":1,\"fundedBy\":\"PROGRAM\"}]}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorPointers()).containsExactly("/posts/0/fte");
        assertThat(negative.errorDetails()).contains("must be more than 0 full-time equivalents");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorPointers()).containsExactly("/posts/1/fte");
        assertThat(tooMany.errorDetails()).contains("must be at most 50 full-time equivalents");
        assertThat(programMissing.status()).isEqualTo(400);
        assertThat(programMissing.errorPointers()).containsExactly("/posts/0/program");
        assertUnchanged("05192");
    }

    @Test
    void focusAreasAndProgramsAreSetTogetherAndAnnouncedComplete() {
        register("05193");

        Http.Response changed = http.send("PUT", "/api/v1/sites/05193/focus-areas", TestTokens.ki("05193"), "\"1\"",
                "{\"focusAreas\":[\"SPORT\",\"seiteneinsteigerberatung\"],\"programs\":[\"KIM\",\"KOMM_AN_II\"]}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("focusAreas").get("BILDUNG").get(0).asString()).isEqualTo("SEITENEINSTEIGERBERATUNG");
        assertThat(changed.json().get("focusAreas").get("QUERSCHNITT").get(0).asString()).isEqualTo("SPORT");
        assertThat(events.last("05193", SiteEventTypes.FOCUS_AREAS_CHANGED)).isEqualTo(new FocusAreasChanged(
                SiteId.of("05193"), List.of(FocusArea.SEITENEINSTEIGERBERATUNG, FocusArea.SPORT),
                List.of(Program.KOMM_AN_II, Program.KIM)));
    }

    @Test
    void anUnknownFocusAreaIs400ListingTheValidOnesAndChangesNothing() {
        register("05194");

        Http.Response unknown = http.send("PUT", "/api/v1/sites/05194/focus-areas", TestTokens.laki(), "\"1\"",
                "{\"focusAreas\":[\"SPORT\",\"KOCHEN\"],\"programs\":[]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorPointers()).containsExactly("/focusAreas/1");
        assertThat(unknown.errorDetails()).contains("'KOCHEN' is not a focus area; allowed: FRUEHE_BILDUNG, SCHULE_SPRACHBILDUNG",
                "ZUSAMMENLEBEN_QUARTIER");
        assertUnchanged("05194");
    }

    @Test
    void theContactIsSetWholeAndAnnouncedAndABadOneIs400() {
        register("05195");

        Http.Response bad = http.send("PUT", "/api/v1/sites/05195/contact", TestTokens.ki("05195"), "\"1\"",
                "{\"office\":{\"street\":\"Am Markt 1\",\"postalCode\":\"5949\",\"city\":\"Soest\"},\"email\":\"kein-mail\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorPointers()).containsExactlyInAnyOrder("/office/postalCode", "/email");
        assertUnchanged("05195");

        Http.Response changed = http.send("PUT", "/api/v1/sites/05195/contact", TestTokens.ki("05195"), "\"1\"", validBodyFor("/contact"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("contact").get("head").asString()).isEqualTo("Dr. Erika Beispiel");
        ContactChanged event = events.last("05195", SiteEventTypes.CONTACT_CHANGED);
        assertThat(event.contact().office().postalCode()).isEqualTo("59494");
        assertThat(event.contact().email()).isEqualTo("ki@testkreis.example");
    }

    @Test
    void anUnknownSiteIs404AndAMalformedSiteIdIs400() {
        Http.Response unknown = http.send("PUT", "/api/v1/sites/05199/status", TestTokens.laki(), "\"1\"", "{\"status\":\"FUNDED\"}");
        Http.Response unknownStaffing = http.send("PUT", "/api/v1/sites/05199/staffing", TestTokens.laki(), "\"1\"", validBodyFor("/staffing"));
        Http.Response malformed = http.send("PUT", "/api/v1/sites/5974/staffing", TestTokens.laki(), "\"1\"", validBodyFor("/staffing"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknownStaffing.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("'5974' is not a KI site id");
        assertThat(http.get("/api/v1/sites/05199").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/sites/0597x").status()).isEqualTo(400);
    }

    private void register(String siteId) {
        Http.Response created = http.send("POST", "/api/v1/sites", TestTokens.laki(), null,
                registration(siteId, "Testkreis " + siteId, "2024-01-10"));
        assertThat(created.status()).as("registering %s: %s", siteId, created.body()).isEqualTo(201);
    }

    /** Version 1, still DECIDED, and on the topic only what registration published. */
    private void assertUnchanged(String siteId) {
        Http.Response site = http.get("/api/v1/sites/" + siteId);
        assertThat(site.header("ETag")).isEqualTo("\"1\"");
        assertThat(site.json().get("status").asString()).isEqualTo("DECIDED");
        assertThat(events.typesAbout(siteId)).containsExactly(REGISTERED, STAFFING_CHANGED);
        assertThat(events.last(siteId, SiteEventTypes.REGISTERED)).isInstanceOf(SiteRegistered.class);
    }

    private static String registration(String siteId, String name, String since) {
        return "{\"siteId\":\"" + siteId + "\",\"name\":\"" + name + "\",\"territoryKind\":\"KREIS\","
                + "\"population\":250000,\"status\":\"DECIDED\",\"statusSince\":\"" + since + "\"}";
    }

    private static String validBodyFor(String path) {
        return switch (path) {
            case "/staffing" -> "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":3,\"fundedBy\":\"STATE\"}]}";
            case "/focus-areas" -> "{\"focusAreas\":[\"ARBEIT\"],\"programs\":[\"KIM\"]}";
            case "/contact" -> "{\"office\":{\"street\":\"Hoher Weg 1-3\",\"postalCode\":\"59494\",\"city\":\"Soest\"},"
                    + "\"email\":\"ki@testkreis.example\",\"phone\":\"+49 2921 30-0\",\"head\":\"Dr. Erika Beispiel\"}";
            default -> throw new IllegalArgumentException(path);
        };
    }
}
