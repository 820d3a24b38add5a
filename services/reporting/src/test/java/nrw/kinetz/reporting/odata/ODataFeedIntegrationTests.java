package nrw.kinetz.reporting.odata;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.VIERSEN;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static nrw.kinetz.reporting.odata.ODataClientSupport.row;
import static nrw.kinetz.reporting.odata.ODataClientSupport.text;
import static nrw.kinetz.reporting.odata.ODataClientSupport.value;
import static nrw.kinetz.reporting.odata.ODataClientSupport.withheld;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.edm.xml.XMLMetadata;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.aggregate.PublicAnswers;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The OData feed at {@code /odata/v4/} read with Apache Olingo's client over real HTTP, against the real broker
 * and store. The data of 2007: one activity each in Soest (3 participants, 0 volunteers), Düsseldorf (10, 2),
 * Köln (6, 7) and Viersen (20, 9); the test configuration pages by 50 rows and starts the periods in 2007.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ODataFeedIntegrationTests {

    private static final String YEAR = "2007";

    @Autowired
    EventPublisher publisher;

    @Autowired
    MongoOperations mongo;

    @Autowired
    PublicAnswers publicAnswers;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;
    private ODataClientSupport odata;

    @BeforeAll
    void publishTheYear() {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(
                report(SOEST, LocalDate.of(2007, 5, 1), 3, 0),
                report(DUESSELDORF, LocalDate.of(2007, 5, 2), 10, 2),
                report(KOELN, LocalDate.of(2007, 5, 3), 6, 7),
                report(VIERSEN, LocalDate.of(2007, 5, 4), 20, 9))));
        http = new ReportingHttp(port);
        odata = new ODataClientSupport(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(http.get(
                "/api/v1/aggregates?measure=activities&groupBy=site&period=2007", TestTokens.laki()))
                .get("total").get("activities").asInt()).isEqualTo(4));
    }

    @Test
    void metadataTypesCountsAsInt64AndMoneyAndFteAsDecimalWithScale2() {
        Edm edm = odata.client.getRetrieveRequestFactory().getMetadataRequest(odata.root).execute().getBody();

        EdmEntityType activities = edm.getEntityContainer().getEntitySet("ActivitiesBySite").getEntityType();
        assertThat(activities.getKeyPredicateNames()).containsExactly("period", "key");
        EdmProperty participants = (EdmProperty) activities.getProperty("participants");
        assertThat(participants.getType().getFullQualifiedName().getFullQualifiedNameAsString()).isEqualTo("Edm.Int64");
        assertThat(participants.isNullable()).isTrue();
        EdmProperty fte = (EdmProperty) edm.getEntityContainer().getEntitySet("SitesByRegierungsbezirk").getEntityType().getProperty("fte");
        assertThat(fte.getType().getFullQualifiedName().getFullQualifiedNameAsString()).isEqualTo("Edm.Decimal");
        assertThat(fte.getScale()).isEqualTo(2);
        EdmProperty granted = (EdmProperty) edm.getEntityContainer().getEntitySet("ProgramsByProgram").getEntityType().getProperty("granted");
        assertThat(granted.getType().getFullQualifiedName().getFullQualifiedNameAsString()).isEqualTo("Edm.Decimal");
        assertThat(granted.getScale()).isEqualTo(2);
        assertThat(edm.getEntityContainer().getEntitySets()).extracting(set -> set.getName())
                .contains("ActivitiesByRegierungsbezirk", "ActivitiesByFocusArea", "ActivitiesByProgram", "SitesByStatus",
                        "ProgramsByBudgetYear", "CatalogByMonth", "Sites", "Regierungsbezirke", "FocusAreas", "Programs");
        assertThat(activities.getNavigationProperty("site").getType().getName()).isEqualTo("Sites");
    }

    @Test
    void metadataCarriesGermanDescriptionsAsCoreAnnotations() {
        XMLMetadata metadata = odata.client.getRetrieveRequestFactory().getXMLMetadataRequest(odata.root).execute().getBody();

        CsdlEntityType activities = metadata.getSchema("KiNetz").getEntityType("ActivitiesBySite");
        assertThat(description(activities.getAnnotations())).isEqualTo("Aktivitäten nach Standort");
        assertThat(description(activities.getProperty("participants").getAnnotations())).startsWith("Teilnehmende (Personen");
        assertThat(description(metadata.getSchema("KiNetz").getTerm("withheld").getAnnotations()))
                .contains("zurückgehalten").contains("nicht 0");
    }

    @Test
    void anonymousCallersSeeASmallCountAsNullWithTheWithheldAnnotation() {
        List<ClientEntity> rows = odata.all(odata.period("ActivitiesBySite", YEAR), null);

        ClientEntity soest = row(rows, SOEST);
        assertThat(value(soest, "participants")).isNull();
        assertThat(withheld(soest, "participants")).isTrue();
        assertThat(value(soest, "activities")).isEqualTo(1L);
        assertThat(withheld(soest, "activities")).isFalse();
        assertThat(value(row(rows, VIERSEN), "participants")).isEqualTo(20L);
        assertThat(value(row(rows, "05554"), "participants")).as("a true zero is shown as 0").isEqualTo(0L);
        assertThat(text(soest, "label")).isEqualTo("Kreis Soest");
    }

    @Test
    void lakiSeesExactNumbersWithABearerToken() {
        List<ClientEntity> rows = odata.all(odata.period("ActivitiesBySite", YEAR), null,
                "Authorization", TestTokens.bearer(TestTokens.laki()));

        assertThat(value(row(rows, SOEST), "participants")).isEqualTo(3L);
        assertThat(withheld(row(rows, SOEST), "participants")).isFalse();
        assertThat(value(row(rows, KOELN), "participants")).isEqualTo(6L);
    }

    /**
     * Power BI's "Organisational account": asked with an empty bearer token, the feed names the sign-in service in
     * the 401's {@code WWW-Authenticate}, so that Power Query knows where to sign the person in.
     */
    @Test
    void anEmptyBearerTokenIsAnsweredWithTheSignInServiceAsPowerBiExpects() {
        for (String empty : List.of("Bearer", "Bearer ", "bearer")) {
            HttpResponse<String> challenge = http.get("/odata/v4/", "Authorization", empty, "Accept", "application/json");

            assertThat(challenge.statusCode()).as(empty).isEqualTo(401);
            assertThat(challenge.headers().firstValue("WWW-Authenticate")).as(empty).hasValueSatisfying(value -> assertThat(value)
                    .matches("Bearer authorization_uri=\"https?://[^\"]+/oauth2/authorize\""));
            assertThat(json(challenge).get("error").get("message").asString()).contains("/oauth2/authorize");
        }
        HttpResponse<String> withToken = http.get("/odata/v4/ActivitiesBySite?$top=1", TestTokens.laki());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    }

    @Test
    void aViewerTokenSeesWhatAnonymousCallersSee() {
        List<ClientEntity> rows = odata.all(odata.period("ActivitiesBySite", YEAR), null,
                "Authorization", TestTokens.bearer(TestTokens.viewer()));

        assertThat(value(row(rows, SOEST), "participants")).isNull();
        assertThat(withheld(row(rows, SOEST), "participants")).isTrue();
    }

    /**
     * The feed is one more reader of the aggregates API's answers: every cell equals what the API shows the same
     * caller for the same measure, grouping and period, whatever the disclosure rules decide.
     */
    @Test
    void everyCellEqualsWhatTheAggregatesApiShowsTheSameCaller() {
        Map<String, String> tables = Map.of(
                "ActivitiesBySite", "measure=activities&groupBy=site",
                "ActivitiesByRegierungsbezirk", "measure=activities&groupBy=regierungsbezirk",
                "ActivitiesByFocusArea", "measure=activities&groupBy=focusArea",
                "SitesByStatus", "measure=sites&groupBy=status",
                "ProgramsByBudgetYear", "measure=programs&groupBy=budgetYear",
                "CatalogByMonth", "measure=catalog&groupBy=month");
        for (String token : new String[] {null, TestTokens.viewer(), TestTokens.laki()}) {
            for (String period : List.of(YEAR, "2007-Q2", "2007-05")) {
                tables.forEach((set, query) -> assertSameCells(set, query, period, token));
            }
        }
    }

    private void assertSameCells(String set, String query, String period, String token) {
        String[] headers = token == null ? new String[0] : new String[] {"Authorization", TestTokens.bearer(token)};
        HttpResponse<String> api = token == null ? http.get("/api/v1/aggregates?" + query + "&period=" + period)
                : http.get("/api/v1/aggregates?" + query + "&period=" + period, token);
        JsonNode answer = json(api);
        List<ClientEntity> rows = odata.all(odata.period(set, period), null, headers);
        assertThat(rows).as(set + " " + period).hasSize(answer.get("rows").size());
        for (JsonNode expected : answer.get("rows")) {
            ClientEntity actual = row(rows, expected.get("key").asString());
            expected.get("values").properties().forEach(cell -> {
                String what = set + " " + period + " " + expected.get("key").asString() + " " + cell.getKey();
                JsonNode shown = cell.getValue();
                if (shown.isObject()) {
                    assertThat(value(actual, cell.getKey())).as(what).isNull();
                    assertThat(withheld(actual, cell.getKey())).as(what).isTrue();
                } else if (shown.isString()) {
                    // Without $metadata the client reads a JSON number as a double; its text is the decimal.
                    assertThat(new BigDecimal(String.valueOf(value(actual, cell.getKey())))).as(what)
                            .isEqualByComparingTo(shown.asString());
                } else {
                    assertThat(value(actual, cell.getKey())).as(what).isEqualTo(shown.asLong());
                }
            });
        }
    }

    @Test
    void anonymousPagesReuseThePublicAnswersTheAggregatesApiKeeps() {
        http.get("/api/v1/aggregates?measure=activities&groupBy=field&period=2007-05");
        long reused = publicAnswers.reused();

        odata.all(odata.period("ActivitiesByField", "2007-05"), null);

        assertThat(publicAnswers.reused()).isGreaterThan(reused);
    }

    @Test
    void aResultLargerThanOnePageIsServedInPagesLinkedByNextLink() {
        List<Integer> pages = new ArrayList<>();
        List<ClientEntity> rows = odata.all(odata.period("ActivitiesBySite", YEAR), pages);

        assertThat(pages).containsExactly(50, 4);
        assertThat(rows).extracting(r -> text(r, "key")).doesNotHaveDuplicates().hasSize(54);
    }

    /** The headers Power Query (Excel, Power BI) sends with its OData requests, q-values and OData 3 spellings included. */
    @Test
    void answersTheAcceptHeaderExcelAndPowerBiSend() {
        String[] powerQuery = {"Accept", "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,"
                + "application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7",
                "OData-MaxVersion", "4.0", "MaxDataServiceVersion", "3.0"};

        HttpResponse<String> service = http.get("/odata/v4/", powerQuery);
        assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
        assertThat(json(service).get("value").findValuesAsString("name")).contains("ActivitiesBySite", "Sites");
        HttpResponse<String> rows = http.get("/odata/v4/Regierungsbezirke", powerQuery);
        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
        assertThat(json(rows).get("value")).hasSize(5);
        HttpResponse<String> metadata = http.get("/odata/v4/$metadata", "Accept", "application/xml", "OData-MaxVersion", "4.0");
        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.body()).contains("<EntitySet Name=\"ActivitiesBySite\"").contains("Core.Description");
    }

    @Test
    void countsAreServedAloneAndOnlyJsonIsAnswered() {
        HttpResponse<String> count = http.get("/odata/v4/ActivitiesBySite/$count?" + encode("$filter=period eq '2007'"),
                "Accept", "text/plain");
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(count.body()).isEqualTo("54");

        HttpResponse<String> xml = http.get("/odata/v4/Sites?$format=xml", "Accept", "application/xml");
        assertThat(xml.statusCode()).as(xml.body()).isIn(406, 415);
    }

    @Test
    void theClientMayPreferSmallerPages() {
        List<Integer> pages = new ArrayList<>();
        List<ClientEntity> rows = odata.all(odata.period("ActivitiesBySite", YEAR), pages, "Prefer", "odata.maxpagesize=20");

        assertThat(pages).containsExactly(20, 20, 14);
        assertThat(rows).extracting(r -> text(r, "key")).doesNotHaveDuplicates().hasSize(54);
    }

    @Test
    void filterSelectOrderByTopSkipAndCountApplyToTheShownRows() {
        URI uri = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                .filter("period eq '2007' and participants ge 6").select("key", "participants")
                .orderBy("participants desc").count(true).top(2).build();

        ClientEntitySet page = odata.page(uri, "Authorization", TestTokens.bearer(TestTokens.laki()));

        assertThat(page.getCount()).isEqualTo(3);
        assertThat(page.getEntities()).extracting(r -> text(r, "key")).containsExactly(VIERSEN, DUESSELDORF);
        // The keys are always part of an entity; nothing else unselected is.
        assertThat(page.getEntities().get(0).getProperties()).extracting(p -> p.getName())
                .containsExactlyInAnyOrder("period", "key", "participants");
        assertThat(page.getNext()).isNull();

        URI skipped = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                .filter("period eq '2007' and participants ge 6").orderBy("participants desc").skip(1).top(1).build();
        assertThat(odata.page(skipped, "Authorization", TestTokens.bearer(TestTokens.laki())).getEntities())
                .extracting(r -> text(r, "key")).containsExactly(DUESSELDORF);
    }

    /**
     * A filter sees the cells as the caller is shown them: a withheld cell is null, whatever it holds. Soest's 3
     * participants (withheld as 1 to 4) answer every condition on a value from 1 to 4 alike, so no filter or count
     * tells which of them it holds.
     */
    @Test
    void filtersCannotTellWithheldCellsApart() {
        List<Integer> counts = new java.util.ArrayList<>();
        for (int value = 1; value <= 4; value++) {
            for (String condition : List.of("participants eq " + value, "participants lt " + value, "participants gt " + value,
                    "participants ge " + value + " and participants le " + value, "not (participants ge " + value + ")")) {
                URI uri = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                        .filter("period eq '2007' and key eq '" + SOEST + "' and (" + condition + ")").count(true).build();
                counts.add(odata.page(uri).getCount());
            }
        }
        assertThat(counts.subList(0, 5)).as("the conditions for 1").isEqualTo(counts.subList(5, 10))
                .isEqualTo(counts.subList(10, 15)).isEqualTo(counts.subList(15, 20));
        URI isNull = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                .filter("period eq '2007' and key eq '" + SOEST + "' and participants eq null").count(true).build();
        assertThat(odata.page(isNull).getCount()).isEqualTo(1);
    }

    @Test
    void codeListsNameTheSitesWithTheirRegierungsbezirkAndJoinByNavigation() {
        List<ClientEntity> sites = odata.all(odata.client.newURIBuilder(odata.root).appendEntitySetSegment("Sites").build(), null);

        assertThat(sites).hasSize(54);
        ClientEntity soest = row(sites, SOEST);
        assertThat(text(soest, "name")).isEqualTo("Kreis Soest");
        assertThat(text(soest, "regierungsbezirkName")).isEqualTo("Arnsberg");
        assertThat(odata.all(odata.client.newURIBuilder(odata.root).appendEntitySetSegment("FocusAreas").build(), null))
                .extracting(r -> text(r, "key")).contains("FRUEHE_BILDUNG", "EHRENAMT");

        URI expanded = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                .filter("period eq '2007' and key eq '" + SOEST + "'").expand("site").build();
        ClientEntity row = odata.page(expanded).getEntities().get(0);
        // Without type annotations (odata.metadata=minimal) the client reads the inline entity as a structured value.
        assertThat(row.getProperty("site").getComplexValue().get("regierungsbezirkName").getPrimitiveValue().toValue())
                .isEqualTo("Arnsberg");
    }

    @Test
    void badQueryOptionsAre400WithAnODataError() {
        for (String query : List.of("$filter=nosuch eq 1", "$filter=period eq", "$top=-1", "$skiptoken=abc",
                "$apply=aggregate(participants with sum as total)", "$search=Soest", "$orderby=site/name")) {
            HttpResponse<String> response = http.get("/odata/v4/ActivitiesBySite?" + encode(query), "Accept", "application/json");
            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(json(response).get("error").get("message").asString()).as(query).isNotBlank();
        }
        assertThat(json(http.get("/odata/v4/ActivitiesBySite?" + encode("$apply=aggregate(participants with sum as total)"),
                "Accept", "application/json")).get("error").get("message").asString()).contains("fixed grain");

        ODataClientErrorException unknownSet = catchThrowableOfType(ODataClientErrorException.class,
                () -> odata.page(URI.create(odata.root + "/People")));
        assertThat(unknownSet.getStatusLine().getStatusCode()).isEqualTo(404);
    }

    @Test
    void anApiKeyIssuedToALakiPersonOpensTheFeedWithExactNumbersAsBasicPasswordOrParameter() {
        HttpResponse<String> issued = http.post("/api/v1/api-keys", TestTokens.mint("anna.laki", List.of("laki"), null));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String key = json(issued).get("key").asString();
        assertThat(key).startsWith("kinetz_");

        List<ClientEntity> basic = odata.all(odata.period("ActivitiesBySite", YEAR), null, "Authorization", basic("anna", key));
        assertThat(value(row(basic, SOEST), "participants")).isEqualTo(3L);
        URI withParameter = odata.client.newURIBuilder(odata.root).appendEntitySetSegment("ActivitiesBySite")
                .filter("period eq '2007' and key eq '" + SOEST + "'").addCustomQueryOption("api-key", key).build();
        assertThat(value(odata.page(withParameter).getEntities().get(0), "participants")).isEqualTo(3L);

        Document stored = mongo.getCollection("api_keys").find(new Document("_id", json(issued).get("id").asString())).first();
        assertThat(stored.getString("hash")).isEqualTo(sha256(key));
        assertThat(stored.toJson()).doesNotContain(key);
        assertThat(stored.getString("subject")).isEqualTo("anna.laki");
    }

    @Test
    void aKeyOpensTheFeedOnlyNotTheOtherReadEndpoints() {
        String key = json(http.post("/api/v1/api-keys", TestTokens.laki())).get("key").asString();

        JsonNode answer = json(http.get("/api/v1/aggregates?measure=activities&groupBy=site&period=2007", "Authorization", basic("laki", key)));

        assertThat(answer.get("rows").findValues("values").stream().filter(v -> v.get("participants").isObject()).count())
                .as("the aggregates API shows withheld cells to a caller with a key").isPositive();
    }

    @Test
    void aRevokedOrUnknownKeyIsA401InTheODataErrorFormatNeverThePublicView() {
        String lakiToken = TestTokens.mint("ben.laki", List.of("laki"), null);
        JsonNode issued = json(http.post("/api/v1/api-keys", lakiToken));
        String key = issued.get("key").asString();
        assertThat(http.get("/odata/v4/Sites", "Authorization", basic("ben", key)).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = http.delete("/api/v1/api-keys/" + issued.get("id").asString(), lakiToken);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertThat(http.delete("/api/v1/api-keys/" + issued.get("id").asString(), lakiToken).statusCode()).isEqualTo(404);
        JsonNode listed = json(http.get("/api/v1/api-keys", lakiToken));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("valid").asBoolean()).isFalse();
        assertThat(listed.get(0).has("key")).isFalse();

        for (String wrong : List.of(key, "kinetz_guessed", "not-a-key")) {
            HttpResponse<String> refused = http.get("/odata/v4/ActivitiesBySite", "Authorization", basic("ben", wrong));
            assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(json(refused).get("error").get("message").asString()).contains("API key");
        }
        assertThat(http.get("/odata/v4/Sites?api-key=" + key).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheLakiRoleIsIssuedKeys() {
        assertThat(http.post("/api/v1/api-keys", TestTokens.viewer()).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/api-keys", TestTokens.ki(SOEST)).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/api-keys", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/api-keys").statusCode()).isEqualTo(401);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String description(List<CsdlAnnotation> annotations) {
        return annotations.stream().filter(a -> a.getTerm().equals("Core.Description") || a.getTerm().endsWith("Core.V1.Description"))
                .map(a -> a.getExpression().asConstant().getValue()).findFirst().orElseThrow();
    }

    private static String encode(String query) {
        int equals = query.indexOf('=');
        return query.substring(0, equals + 1) + URLEncoder.encode(query.substring(equals + 1), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
