package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.MutatedInput;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Random and mutated bodies for every command (registration, status, staffing, focus areas, contact), as JSON and
 * as NDJSON or CSV, from one printed seed: never a 5xx, every refusal problem+json with an {@code errors} array, and
 * never a partial write — read back after each request, a refused one left the site, its version and the other
 * sites as they were, and on {@code ki.sites.v1} there is one event per change the registry answered with a new
 * version and nothing else.
 *
 * <p>Works on the sites 05960–05969 only, which no other test uses: a registration whose body names another id is
 * not sent, so that no random input lands on another test's site.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class RandomInputIntegrationTests {

    private static final int REQUESTS = Integer.getInteger("kinetz.random-input.requests", 200);
    private static final String SITE = "05960";
    private static final Pattern SITE_IDS = Pattern.compile("0596[1-9]");
    private static final Pattern NAMED_IDS = Pattern.compile("siteId\"\\s*:\\s*\"([^\"]*)\"");
    /** Only one step forward: no random input can make the site ESTABLISHED, which the query tests count. */
    private static final List<String> PUTS = List.of(
            "/status", "{\"status\":\"FUNDED\",\"effectiveOn\":\"2024-03-01\"}",
            "/staffing", "{\"posts\":[{\"kind\":\"LEHRKRAFT\",\"fte\":3,\"fundedBy\":\"STATE\"},"
                    + "{\"kind\":\"VERWALTUNG\",\"fte\":0.5,\"fundedBy\":\"MUNICIPALITY\"}]}",
            "/focus-areas", "{\"focusAreas\":[\"ARBEIT\",\"BILDUNG\"],\"programs\":[\"KIM\"]}",
            "/contact", "{\"office\":{\"street\":\"Hoher Weg 1-3\",\"postalCode\":\"59494\",\"city\":\"Soest\"},"
                    + "\"email\":\"ki@testkreis.example\",\"phone\":\"+49 2921 30-0\",\"head\":\"Dr. Erika Beispiel\"}");

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
    void randomAndMutatedCommandsAreNeverA5xxAndNeverWrittenPartially() {
        MutatedInput input = MutatedInput.seeded();
        Http.Response created = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, registration(SITE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        int eventsBefore = events.about(SITE).size();
        int changes = 0;
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (int request = 0; request < REQUESTS; request++) {
            Http.Response before = http.get("/api/v1/sites/" + SITE);
            boolean register = input.chance(0.25);
            Set<String> registeredBefore = register ? registered() : Set.of();
            String path;
            String body;
            if (register) {
                path = "/api/v1/sites";
                body = registration("0596" + (1 + input.nextInt(9)));
            } else {
                int put = 2 * input.nextInt(PUTS.size() / 2);
                path = "/api/v1/sites/" + SITE + PUTS.get(put);
                body = PUTS.get(put + 1);
            }
            body = wrongFormat(input, body);
            if (input.chance(0.7)) {
                body = input.mutate(body);
            }
            if (register && !namesOnlyOurSites(body)) {
                continue;
            }
            String ifMatch = input.chance(0.9) ? before.header("ETag") : input.oneOf(List.of("\"0\"", "*", "W/\"1\"", "x"));

            Http.Response response = http.send(register ? "POST" : "PUT", path, TestTokens.laki(), register ? null : ifMatch, body);
            String about = input.describe((register ? "POST " : "PUT ") + path + " " + body) + System.lineSeparator()
                    + "answer: " + response.status() + " " + response.body();
            assertThat(response.status()).as(about).isLessThan(500);
            statuses.merge(response.status(), 1, Integer::sum);
            Http.Response after = http.get("/api/v1/sites/" + SITE);
            if (response.status() >= 400) {
                assertThat(response.header("Content-Type")).as(about).startsWith("application/problem+json");
                assertThat(response.json().get("errors").isArray()).as(about).isTrue();
                assertThat(after.header("ETag")).as("refused, yet the version changed: " + about).isEqualTo(before.header("ETag"));
                assertThat(after.json()).as("refused, yet the site changed: " + about).isEqualTo(before.json());
                if (register) {
                    assertThat(registered()).as("refused, yet a site was registered: " + about).isEqualTo(registeredBefore);
                }
            } else if (!register && !after.header("ETag").equals(before.header("ETag"))) {
                changes++;
            }
        }

        System.out.printf("Random input to the site registry, seed %d: %d requests sent, answered %s; %d changes%n",
                input.seed(), statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses, changes);
        assertThat(events.about(SITE)).as("one event per change, nothing of a refused request; seed " + input.seed())
                .hasSize(eventsBefore + changes);
    }

    /** Sometimes the same data as NDJSON (two lines) or as a CSV line, which no command takes. */
    private static String wrongFormat(MutatedInput input, String json) {
        if (input.chance(0.85)) {
            return json;
        }
        return input.chance(0.5) ? json + "\n" + json + "\n" : "siteId;name;status\r\n0596" + input.nextInt(10) + ";Kreis;DECIDED\r\n";
    }

    /** Every site id the body could name (any five digits with a leading 0) is one of this test's. */
    private static boolean namesOnlyOurSites(String body) {
        Matcher named = NAMED_IDS.matcher(body);
        List<String> ids = new ArrayList<>();
        while (named.find()) {
            ids.add(named.group(1));
        }
        Matcher digits = Pattern.compile("\\d{5}").matcher(body);
        while (digits.find()) {
            ids.add(digits.group());
        }
        return ids.stream().filter(id -> id.matches("0\\d{4}")).allMatch(id -> SITE_IDS.matcher(id).matches());
    }

    private Set<String> registered() {
        Set<String> found = new TreeSet<>();
        for (int n = 1; n <= 9; n++) {
            Http.Response site = http.get("/api/v1/sites/0596" + n);
            assertThat(site.status()).as(site.body()).isIn(200, 404);
            if (site.status() == 200) {
                found.add("0596" + n + " " + site.header("ETag"));
            }
        }
        return found;
    }

    private static String registration(String siteId) {
        return "{\"siteId\":\"" + siteId + "\",\"name\":\"Zufallskreis " + siteId + "\",\"territoryKind\":\"KREIS\","
                + "\"population\":250000,\"status\":\"DECIDED\",\"statusSince\":\"2024-01-10\"}";
    }
}
