package nrw.kinetz.reporting.publication;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.VIERSEN;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/opendata/} over real HTTP: every open-data value is the public aggregates API's value for the
 * same cell, withheld cells included; the CSV form; bad input; and the DCAT-AP.de catalog, parsed as JSON-LD.
 * The data: activities of March 2021 in Soest (3 participants), Düsseldorf (10), Köln (6) and Viersen (20).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIntegrationTests extends ReportingIntegrationTest {

    private static final String YEAR = "2021";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";

    @BeforeAll
    void publishAMonth() {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(
                report(SOEST, LocalDate.of(2021, 3, 1), 3, 0),
                report(DUESSELDORF, LocalDate.of(2021, 3, 2), 10, 5),
                report(KOELN, LocalDate.of(2021, 3, 3), 6, 7),
                report(VIERSEN, LocalDate.of(2021, 3, 4), 20, 9))));
        var laki = new nrw.kinetz.reporting.ReportingHttp(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(laki.get(
                "/api/v1/aggregates?measure=activities&groupBy=site&period=2021-03", TestTokens.laki()))
                .get("total").get("activities").asInt()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void everyValueOfEveryDatasetIsThePublicApisValueForTheSameCell() {
        int compared = 0;
        for (OpenDataset dataset : OpenDataset.values()) {
            JsonNode data = ok(http.get("/api/v1/opendata/" + dataset.id() + ".json?year=" + YEAR));
            assertThat(data.get("dataset").asString()).isEqualTo(dataset.id());
            for (JsonNode row : data.get("rows")) {
                JsonNode answer = ok(http.get(row.get("request").asString()));
                assertThat(answer.get("period").asString()).isEqualTo(row.get("period").asString());
                assertThat(row.get("values")).as(dataset.id() + " " + row).isEqualTo(rowOf(answer, row.get("key").asString()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void smallPeopleCountsAreWithheldInOpenDataAsInThePublicApiAlsoForTheLaki() {
        JsonNode anonymous = ok(http.get("/api/v1/opendata/activities-by-month-and-site.json?year=" + YEAR));
        JsonNode laki = ok(http.get("/api/v1/opendata/activities-by-month-and-site.json?year=" + YEAR, TestTokens.laki()));

        JsonNode soest = row(anonymous, "2021-03", SOEST);
        assertThat(soest.get("values").get("participants")).isEqualTo(json("{\"suppressed\":true}"));
        assertThat(row(anonymous, "2021-03", VIERSEN).get("values").get("participants").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(laki.get("rows")).isEqualTo(anonymous.get("rows"));
    }

    @Test
    void theCrossedDatasetHasARowPerMonthSiteAndFocusAreaWithActivitiesWithheldAsInThePublicApi() {
        JsonNode data = ok(http.get("/api/v1/opendata/activities-by-month-site-and-focus-area.json?year=" + YEAR));
        JsonNode laki = ok(http.get("/api/v1/opendata/activities-by-month-site-and-focus-area.json?year=" + YEAR, TestTokens.laki()));

        List<String> march = new ArrayList<>();
        data.get("rows").forEach(row -> {
            if (row.get("month").asString().equals("2021-03")) {
                march.add(row.get("site").asString() + " " + row.get("focusArea").asString());
            }
        });
        assertThat(march).contains(SOEST + " FRUEHE_BILDUNG", DUESSELDORF + " FRUEHE_BILDUNG", KOELN + " FRUEHE_BILDUNG",
                VIERSEN + " FRUEHE_BILDUNG");
        JsonNode soest = row(data, YEAR, "2021-03/" + SOEST + "/FRUEHE_BILDUNG");
        assertThat(soest.get("values").get("participants")).isEqualTo(json("{\"suppressed\":true}"));
        assertThat(soest.get("monthLabel").asString()).isEqualTo("März 2021");
        assertThat(soest.get("request").asString())
                .isEqualTo("/api/v1/aggregates?measure=activities&groupBy=month,site,focusArea&period=2021");
        assertThat(laki.get("rows")).isEqualTo(data.get("rows"));

        HttpResponse<String> csv = http.get("/api/v1/opendata/activities-by-month-site-and-focus-area.csv?year=" + YEAR);
        assertThat(csv.body()).startsWith("\uFEFFZeitraum;Monat (Schlüssel);Monat;Standort (Schlüssel);Standort;"
                + "Schwerpunkt (Schlüssel);Schwerpunkt;Aktivitäten;Teilnehmende");
        assertThat(csv.body().lines().filter(line -> line.startsWith("2021;2021-03;März 2021;" + SOEST + ";")))
                .singleElement().satisfies(line -> assertThat(line.split(";")[8]).isEqualTo("."));
    }

    @Test
    void theCsvIsForGermanExcelWithWithheldCellsAsDots() {
        HttpResponse<String> csv = http.get("/api/v1/opendata/activities-by-month-and-site.csv?year=" + YEAR);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("activities-by-month-and-site-2021.csv"));
        assertThat(csv.body()).startsWith("\uFEFFZeitraum;Schlüssel;Bezeichnung;Aktivitäten;Teilnehmende;Ehrenamtliche;Termine;Stunden");
        String soest = csv.body().lines().filter(line -> line.startsWith("2021-03;05974;")).findFirst().orElseThrow();
        assertThat(soest.split(";")[4]).isEqualTo(".");
        assertThat(csv.body().lines().filter(line -> line.startsWith("2021-"))).hasSize(12 * 54);
    }

    @Test
    void badInputIsAProblemNamingWhatIsAccepted() {
        HttpResponse<String> future = http.get("/api/v1/opendata/sites.json?year=2999");
        HttpResponse<String> text = http.get("/api/v1/opendata/sites.csv?year=letztes", "Accept-Language", "de");
        HttpResponse<String> unknown = http.get("/api/v1/opendata/people.json");

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("errors").get(0).get("pointer").asString()).isEqualTo("/year");
        assertThat(json(future).get("errors").get(0).get("detail").asString()).startsWith("'2999' is not a year of the open data: expected 2012 to ");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(json(text).get("errors").get(0).get("detail").asString()).startsWith("'letztes' ist kein Jahr der offenen Daten");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theCatalogIsDcatApDeJsonLdWithEveryMandatoryProperty() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/opendata/catalog.jsonld?year=" + YEAR, "Accept", "application/ld+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));

        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(response.body()))).get();
        JsonObject catalog = expanded.getJsonObject(0);
        assertThat(ids(catalog, "@type")).containsExactly(DCAT + "Catalog");
        assertThat(values(catalog, DCT + "title")).hasSize(1);
        assertThat(values(catalog, DCT + "description")).hasSize(1);
        assertThat(agentNames(catalog)).isNotEmpty();
        assertThat(ids(catalog, DCT + "spatial")).containsExactly("http://dcat-ap.de/def/politicalGeocoding/stateKey/05");

        JsonArray datasets = catalog.getJsonArray(DCAT + "dataset");
        assertThat(datasets).hasSize(OpenDataset.values().length);
        for (JsonValue value : datasets) {
            JsonObject dataset = value.asJsonObject();
            assertThat(ids(dataset, "@type")).containsExactly(DCAT + "Dataset");
            assertThat(values(dataset, DCT + "title")).allSatisfy(title -> assertThat(title.getString("@language")).isEqualTo("de"));
            assertThat(values(dataset, DCT + "description")).singleElement()
                    .satisfies(description -> assertThat(description.getString("@value")).isNotBlank());
            assertThat(ids(dataset, DCAT + "theme")).containsExactly("http://publications.europa.eu/resource/authority/data-theme/SOCI");
            assertThat(agentNames(dataset)).containsExactly("Landesweite Koordinierungsstelle Kommunale Integrationszentren (LaKI)");
            assertThat(ids(dataset, DCT + "spatial")).containsExactly("http://dcat-ap.de/def/politicalGeocoding/stateKey/05");
            assertThat(ids(dataset, DCT + "accrualPeriodicity")).containsExactly("http://publications.europa.eu/resource/authority/frequency/CONT");
            JsonObject temporal = values(dataset, DCT + "temporal").get(0);
            assertThat(values(temporal, DCAT + "startDate").get(0).getString("@value")).isEqualTo("2021-01-01");
            assertThat(values(temporal, DCAT + "endDate").get(0).getString("@value")).isEqualTo("2021-12-31");
            JsonObject contact = values(dataset, DCAT + "contactPoint").get(0);
            assertThat(ids(contact, "http://www.w3.org/2006/vcard/ns#hasEmail")).containsExactly("mailto:poststelle@bra.nrw.de");
            assertThat(values(contact, "http://www.w3.org/2006/vcard/ns#fn")).isNotEmpty();
            List<JsonObject> distributions = values(dataset, DCAT + "distribution");
            assertThat(distributions).hasSize(2);
            for (JsonObject distribution : distributions) {
                assertThat(ids(distribution, "@type")).containsExactly(DCAT + "Distribution");
                assertThat(ids(distribution, DCT + "license")).containsExactly("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
                assertThat(ids(distribution, DCT + "format")).singleElement().asString()
                        .startsWith("http://publications.europa.eu/resource/authority/file-type/");
                String url = ids(distribution, DCAT + "accessURL").get(0);
                assertThat(ids(distribution, DCAT + "downloadURL")).containsExactly(url);
                HttpResponse<String> download = http.get(url.substring(url.indexOf("/api/")));
                assertThat(download.statusCode()).as(url).isEqualTo(200);
            }
        }
    }

    private static JsonNode rowOf(JsonNode answer, String key) {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("values");
            }
        }
        throw new AssertionError("no row " + key + " in " + answer);
    }

    private static JsonNode row(JsonNode data, String period, String key) {
        for (JsonNode row : data.get("rows")) {
            if (row.get("period").asString().equals(period) && row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + period + " " + key);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonObject> values(JsonObject node, String property) {
        List<JsonObject> values = new ArrayList<>();
        JsonArray array = node.getJsonArray(property);
        assertThat(array).as(property + " in " + node).isNotNull();
        array.forEach(v -> values.add(v.asJsonObject()));
        return values;
    }

    private static List<String> ids(JsonObject node, String property) {
        if ("@type".equals(property)) {
            return node.getJsonArray("@type").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList();
        }
        return values(node, property).stream().map(v -> v.getString("@id")).toList();
    }

    private static List<String> agentNames(JsonObject node) {
        return values(node, DCT + "publisher").stream()
                .flatMap(agent -> values(agent, "http://xmlns.com/foaf/0.1/name").stream())
                .map(name -> name.getString("@value")).toList();
    }
}
