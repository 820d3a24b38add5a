package nrw.kinetz.reporting.publication;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.reporting.site.SiteEvents;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The annual report's two editions over real HTTP: every figure of each is asked for again through the request
 * its appendix names and found equal; the public edition withholds what the public API withholds, the internal one
 * does not; the PDF is tagged, German and titled. The data: 2024 activities in Soest (Wohnen, 3 participants),
 * Düsseldorf and Köln, and 2023 activities in Düsseldorf, for the changes on the year before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportIntegrationTests extends ReportingIntegrationTest {

    private static final String HTML = "/api/v1/reports/annual/2024.html";
    private static final SiteId COLOGNE = SiteId.of(KOELN);
    private static final String PDF = "/api/v1/reports/annual/2024.pdf";

    @BeforeAll
    void publishTwoYears() {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(
                report(SOEST, LocalDate.of(2024, 2, 1), FocusArea.WOHNEN, ActivityType.BERATUNG, null, 3, 0, 1, 2),
                report(DUESSELDORF, LocalDate.of(2024, 3, 2), 40, 6),
                report(KOELN, LocalDate.of(2024, 4, 3), 12, 8),
                report(DUESSELDORF, LocalDate.of(2023, 5, 2), 25, 5))));
        // Every site established long ago, but Köln, which left its start phase in 2024.
        List<EventEnvelope<?>> sites = new ArrayList<>(SiteEvents.registrationsOfAllSites(SiteStatus.ESTABLISHED, LocalDate.of(2013, 12, 1))
                .stream().filter(event -> !event.data().siteId().equals(COLOGNE)).toList());
        sites.add(SiteEvents.envelope(SiteEvents.registration(COLOGNE, SiteStatus.START_PHASE, LocalDate.of(2022, 5, 1))));
        sites.add(SiteEvents.statusChange(COLOGNE, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2024, 4, 1)));
        ActivityEvents.publishAll(publisher, sites);
        // The sites' events go to many partitions, so Köln's may arrive before another site's: wait for every site,
        // since what other tests left in the shared read model differs until each is registered anew.
        List<String> established = SiteEvents.registrationsOfAllSites(SiteStatus.ESTABLISHED, LocalDate.of(2013, 12, 1))
                .stream().map(event -> event.data().siteId().value() + "/ESTABLISHED").toList();
        List<String> cologneStarting = established.stream()
                .map(key -> key.equals(KOELN + "/ESTABLISHED") ? KOELN + "/START_PHASE" : key).toList();
        var laki = new nrw.kinetz.reporting.ReportingHttp(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rowKeys(json(laki.get("/api/v1/aggregates?measure=sites&groupBy=site,status&period=2024"))))
                    .containsExactlyInAnyOrderElementsOf(established);
            assertThat(rowKeys(json(laki.get("/api/v1/aggregates?measure=sites&groupBy=site,status&period=2023"))))
                    .containsExactlyInAnyOrderElementsOf(cologneStarting);
            assertThat(json(laki.get("/api/v1/aggregates?measure=activities&groupBy=field&period=2024", TestTokens.laki()))
                    .get("total").get("activities").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(json(laki.get("/api/v1/aggregates?measure=activities&groupBy=field&period=2023", TestTokens.laki()))
                    .get("total").get("activities").asInt()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void everyFigureOfThePublicEditionIsWhatItsRequestAnswersThePublic() throws Exception {
        Document report = xhtml(http.get(HTML));

        assertThat(rederive(report, null)).isGreaterThan(100);
    }

    @Test
    void everyFigureOfTheInternalEditionIsWhatItsRequestAnswersTheLaki() throws Exception {
        Document report = xhtml(http.get(HTML + "?edition=internal", TestTokens.laki()));

        assertThat(rederive(report, TestTokens.laki())).isGreaterThan(100);
        assertThat(report.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("KI-Netz NRW – Jahresbericht 2024 (interne Ausgabe)");
    }

    @Test
    void thePublicEditionWithholdsASmallCountThatTheInternalEditionShows() throws Exception {
        Document open = xhtml(http.get(HTML));
        Document internal = xhtml(http.get(HTML + "?edition=internal", TestTokens.laki()));

        Element publicCell = cell(open, "WOHNEN", "participants");
        Element internalCell = cell(internal, "WOHNEN", "participants");
        assertThat(publicCell.getAttribute("data-value")).isEqualTo("suppressed");
        assertThat(publicCell.getTextContent()).isEqualTo(".");
        assertThat(internalCell.getAttribute("data-value")).isEqualTo("3");
        assertThat(internalCell.getTextContent()).isEqualTo("3");
    }

    @Test
    void bothEditionsListTheSiteThatChangedItsStatusWithItsStaffingTraced() throws Exception {
        for (Document report : List.of(xhtml(http.get(HTML)), xhtml(http.get(HTML + "?edition=internal", TestTokens.laki())))) {
            Element staffing = cell(report, KOELN + "/ESTABLISHED", "fte");
            Element row = (Element) staffing.getParentNode();
            NodeList cells = row.getElementsByTagName("td");
            assertThat(row.getElementsByTagName("th").item(0).getTextContent()).isEqualTo("Köln");
            assertThat(cells.item(0).getTextContent()).isEqualTo("Startphase");
            assertThat(cells.item(1).getTextContent()).isEqualTo("etabliert");
            assertThat(((Element) row.getParentNode().getParentNode()).getElementsByTagName("caption").item(0).getTextContent())
                    .endsWith("Statuswechsel der Standorte 2024");
            Element body = (Element) row.getParentNode();
            assertThat(body.getElementsByTagName("tr").getLength()).as("only Köln changed: %s", body.getTextContent()).isEqualTo(1);
        }
    }

    @Test
    void thePdfIsTaggedGermanAndTitled() throws Exception {
        HttpResponse<byte[]> response = bytes(PDF, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("jahresbericht-2024.pdf"));
        Path target = Path.of("target", "report");
        Files.createDirectories(target);
        Files.write(target.resolve("jahresbericht-2024.pdf"), response.body());

        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(pdf.getDocumentCatalog().getLanguage()).startsWith("de");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("KI-Netz NRW – Jahresbericht 2024 (öffentliche Ausgabe)");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).as("PDF/UA identification").contains("pdfuaid");
            assertThat(new PDFTextStripper().getText(pdf)).contains("Jahresbericht 2024").contains("Nachweis der Zahlen");
            // The README's picture of the report (see README.md): its first two pages.
            for (int page = 0; page < 2; page++) {
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(page, 80), "png",
                        target.resolve("jahresbericht-2024-seite-" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void theInternalEditionIsTheLakisAndBadParametersAreProblems() {
        HttpResponse<String> anonymous = http.get(HTML + "?edition=internal");
        HttpResponse<String> viewer = http.get(HTML + "?edition=internal", TestTokens.viewer());
        HttpResponse<String> both = http.get("/api/v1/reports/annual/1999.html?edition=intern");
        HttpResponse<String> future = http.get("/api/v1/reports/annual/2999.pdf", "Accept-Language", "de");

        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).get("errors").findValuesAsString("pointer")).containsExactly("/year", "/edition");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("errors").get(0).get("detail").asString()).startsWith("'2999' ist kein Jahr des Jahresberichts");
    }

    /** Asks every figure's request again (once per request) and compares the value; returns how many were compared. */
    private int rederive(Document report, String token) {
        Map<String, String> requests = new HashMap<>();
        NodeList items = report.getElementsByTagName("li");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.hasAttribute("data-request")) {
                requests.put(item.getAttribute("id").substring(1), item.getAttribute("data-request"));
            }
        }
        Map<String, JsonNode> answers = new HashMap<>();
        NodeList cells = report.getElementsByTagName("td");
        int compared = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (!cell.hasAttribute("data-source")) {
                continue;
            }
            String request = requests.get(cell.getAttribute("data-source"));
            assertThat(request).as("appendix entry of " + cell.getAttribute("data-source")).isNotNull();
            JsonNode answer = answers.computeIfAbsent(request, r -> json(token == null ? http.get(r) : http.get(r, token)));
            String key = cell.getAttribute("data-key");
            JsonNode values = key.isEmpty() ? answer.get("total") : row(answer, key);
            JsonNode value = values.get(cell.getAttribute("data-metric"));
            String expected = value.isObject() && value.get("suppressed").asBoolean() ? "suppressed" : value.asString();
            assertThat(cell.getAttribute("data-value")).as(request + " " + key + " " + cell.getAttribute("data-metric"))
                    .isEqualTo(expected);
            compared++;
        }
        return compared;
    }

    private static List<String> rowKeys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.get("rows").forEach(row -> keys.add(row.get("key").asString()));
        return keys;
    }

    private static JsonNode row(JsonNode answer, String key) {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("values");
            }
        }
        throw new AssertionError("no row " + key);
    }

    /** The first cell of the row {@code key} holding {@code metric} of this year (the activities tables). */
    private static Element cell(Document report, String key, String metric) {
        NodeList cells = report.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (key.equals(cell.getAttribute("data-key")) && metric.equals(cell.getAttribute("data-metric"))) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + key + " " + metric);
    }

    private static Document xhtml(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<byte[]> bytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
