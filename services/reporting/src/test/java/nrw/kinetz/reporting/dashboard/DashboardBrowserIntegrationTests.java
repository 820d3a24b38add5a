package nrw.kinetz.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.GrantApplied;
import nrw.kinetz.model.program.GrantApproved;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.testkit.browser.AxeCore;
import nrw.kinetz.testkit.browser.HeadlessChrome;
import nrw.kinetz.testkit.browser.RequiresChrome;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser (headless Chrome or Chromium, wherever it is installed): a KI's activity shows up without a reload, the
 * participants of a small group are suppressed for the public and exact for the LaKI after signing in — with
 * the keyboard, at the devstack's real authorization server (authorization code + PKCE) — and axe-core finds
 * no serious accessibility problem, neither before nor after signing in.
 */
@RequiresChrome
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
// Its own configuration (the authorization server) makes it a context of its own; closing it afterwards keeps its
// listeners out of the consumer group of the test classes after it.
@DirtiesContext
class DashboardBrowserIntegrationTests {

    private static final Duration LIVE_UPDATE = Duration.ofSeconds(20);
    private static final SiteId KREIS_SOEST = SiteId.of("05974");

    private static final AuthorizationServerProcess AUTH_SERVER = new AuthorizationServerProcess();

    private static ChromeDriver browser;

    @DynamicPropertySource
    static void signInAtTheAuthorizationServer(DynamicPropertyRegistry registry) {
        registry.add("kinetz.dashboard.sign-in-issuer", AUTH_SERVER::issuer);
        registry.add("spring.security.oauth2.client.registration.dashboard.client-secret", AUTH_SERVER::dashboardSecret);
    }

    /** What the browser showed when a step failed, for whoever reads the build's output. */
    @AfterEach
    void keepTheEvidence() throws Exception {
        if (browser != null) {
            Files.writeString(Path.of("target/dashboard-last-page.html"), browser.getPageSource());
            Files.write(Path.of("target/dashboard-last-page.png"), browser.getScreenshotAs(OutputType.BYTES));
            Files.write(Path.of("target/dashboard-browser-console.log"), browser.manage().logs().get(LogType.BROWSER).getAll()
                    .stream().map(Object::toString).toList());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        AUTH_SERVER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventPublisher publisher;

    private final AxeCore axe = new AxeCore();

    @Test
    void anActivityAppearsLiveAndTheLakiSeesItsSmallNumberExactlyAfterSigningIn() throws Exception {
        // The dashboard is opened at localhost, as people do (the devstack prints that address); the sign-in
        // redirect is registered for exactly this address.
        String dashboard = "http://localhost:" + port + "/";
        AUTH_SERVER.start(URI.create("http://localhost:" + port));
        browser = HeadlessChrome.start();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        String period = Period.quarterOf(today()).value();
        long activitiesInTheNetwork = totalActivities(period);
        activitiesInTheNetwork += DashboardScenery.publish(publisher, today());
        awaitTotalActivities(period, activitiesInTheNetwork);
        awaitAllSitesRegistered();
        FocusArea quiet = aFocusAreaWithoutParticipantsThisQuarter(period);

        BigDecimal grantedForKim = publishAKimGrantThisYear();

        browser.get(dashboard);
        awaitLive();
        waitUpTo(Duration.ofSeconds(30)).until(d -> grantedForKim.compareTo(new BigDecimal(String.valueOf(
                ((JavascriptExecutor) browser).executeScript("const cell = document.querySelector(arguments[0]);"
                        + " return cell && cell.dataset.value ? cell.dataset.value : '0';",
                        "#table-programs tbody tr[data-key='KIM'] td[data-metric='granted']")))) == 0);
        // Read in one step: the page may redraw the table any time.
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#table-programs thead').textContent;"))
                .contains("bewilligt (€)").contains("Verwendungsnachweise offen");
        long activitiesBefore = Long.parseLong(cellValue(quiet, "activities"));
        markPage();

        report(quiet, 3);

        awaitReadModel(period, quiet, activitiesBefore + 1);
        awaitCell(quiet, "activities", String.valueOf(activitiesBefore + 1));
        assertThat(cellValue(quiet, "participants")).as("3 participants, anonymous").isEqualTo("suppressed");
        assertThat(cellText(quiet, "participants")).as("shown, and read out by screen readers").isEqualTo("•geschützt (kleine Zahl)");
        assertPageNotReloaded();
        assertThat(axe.ruleIds(browser, "wcag22aa")).as("axe-core knows the WCAG 2.2 rules it runs").contains("target-size");
        assertThat(axe.seriousViolations(browser)).as("axe-core, anonymous").isEmpty();
        screenshot("target/dashboard-anonymous.png");
        assertThat(browser.findElement(By.id("report-internal")).isDisplayed()).as("the internal report, anonymous").isFalse();
        useTheDistrictMapWithTheKeyboard();

        AUTH_SERVER.awaitUp(Duration.ofSeconds(90));
        signInWithTheKeyboardAs("laki");

        awaitCell(quiet, "participants", "3");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("laki");
        markPage();
        report(quiet, 1);
        awaitCell(quiet, "participants", "4");
        assertThat(cellValue(quiet, "activities")).isEqualTo(String.valueOf(activitiesBefore + 2));
        assertPageNotReloaded();
        assertThat(downloadCsvWithTheKeyboard("focus-area").lines()).as("the CSV download, signed in")
                .anySatisfy(line -> assertThat(line).startsWith(quiet.name() + ";" + quiet.label() + ";" + (activitiesBefore + 2) + ";4;"));
        assertThat(downloadCsvWithTheKeyboard("programs").lines()).as("the Förderprogramme CSV")
                .anySatisfy(line -> assertThat(line).startsWith("KIM;"));
        downloadTheInternalReportAsTheLaki();
        assertThat(axe.seriousViolations(browser)).as("axe-core, signed in").isEmpty();
        screenshot("target/dashboard.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("on a phone nothing sticks out sideways (wide tables scroll in their own box)").isEqualTo(true);
        assertThat(axe.seriousViolations(browser)).as("axe-core, phone width").isEmpty();
        screenshot("target/dashboard-phone.png");

        signOutWithTheKeyboard();
        awaitCell(quiet, "participants", "suppressed");
    }

    /**
     * A KIM grant of this budget year, approved and partly drawn, as program tracking announces it; returns what
     * reporting then shows as granted for KIM this year (earlier tests may have added grants too).
     */
    private BigDecimal publishAKimGrantThisYear() {
        int year = today().getYear();
        SiteId soest = SiteId.of("05974");
        UUID grant = UUID.randomUUID();
        publishProgramEvent(ProgramEventTypes.GRANT_APPLIED, new GrantApplied(grant, soest, Program.KIM, null, year,
                Money.parse("250000.00"), today()));
        publishProgramEvent(ProgramEventTypes.GRANT_APPROVED, new GrantApproved(grant, soest, Program.KIM, null, year,
                Money.parse("250000.00"), today(), LocalDate.of(year + 1, 6, 30)));
        publishProgramEvent(ProgramEventTypes.FUNDS_DISBURSED, new FundsDisbursed(grant, soest, Program.KIM, null, year,
                UUID.randomUUID(), Money.parse("62500.00"), today(), Money.parse("62500.00")));
        String query = "/api/v1/aggregates?measure=programs&groupBy=program&period=" + year;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                ReportingHttp.json(new ReportingHttp(port).get(query)).get("rows").valueStream()
                        .anyMatch(row -> row.get("key").asString().equals("KIM") && new BigDecimal(row.get("values")
                                .get("disbursed").asString()).compareTo(new BigDecimal("62500.00")) >= 0));
        return new BigDecimal(ReportingHttp.json(new ReportingHttp(port).get(query)).get("rows").valueStream()
                .filter(row -> row.get("key").asString().equals("KIM")).findFirst().orElseThrow()
                .get("values").get("granted").asString());
    }

    private <T> void publishProgramEvent(nrw.kinetz.model.event.EventType<T> type, T payload) {
        publisher.publishAndWait(EventEnvelope.of(UUID.randomUUID(), EventSource.service("program-tracking"), type, "05974",
                payload));
    }

    /** A focus area nobody reported participants for this quarter, so that 3 of them are a small number. */
    private FocusArea aFocusAreaWithoutParticipantsThisQuarter(String period) {
        JsonNode rows = activitiesByFocusArea(period).get("rows");
        return rows.valueStream()
                .filter(row -> row.get("values").get("participants").asLong() == 0)
                .map(row -> FocusArea.parse(row.get("key").asString()))
                .filter(focusArea -> !DashboardScenery.BUSY_FOCUS_AREAS.contains(focusArea))
                .findFirst()
                .orElseThrow(() -> new AssertionError("every focus area has participants this quarter: " + rows));
    }

    private long totalActivities(String period) {
        return activitiesByFocusArea(period).get("total").get("activities").asLong();
    }

    private void awaitTotalActivities(String period, long activities) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> totalActivities(period) == activities);
    }

    private void awaitAllSitesRegistered() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ReportingHttp.json(
                new ReportingHttp(port).get("/api/v1/aggregates?measure=sites&groupBy=status")).get("total").get("sites").asInt() == 54);
    }

    /** Exact numbers, as the LaKI's systems read them with a bearer token. */
    private JsonNode activitiesByFocusArea(String period) {
        var response = new ReportingHttp(port).get("/api/v1/aggregates?measure=activities&groupBy=focusArea&period=" + period,
                TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ReportingHttp.json(response);
    }

    /** The reporting service counted the activity (its listener is the slow part of a cold start, not the page). */
    private void awaitReadModel(String period, FocusArea focusArea, long activities) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                activitiesByFocusArea(period).get("rows").valueStream().anyMatch(row -> row.get("key").asString().equals(focusArea.name())
                        && row.get("values").get("activities").asLong() == activities));
    }

    /** A KI reports an activity, as the intake publishes it (docs/architecture.md#contract). */
    private void report(FocusArea focusArea, int participants) {
        UUID id = UUID.randomUUID();
        var activity = new ActivityReported(id, KREIS_SOEST, today(), focusArea.field(), focusArea, ActivityType.BERATUNG,
                null, null, null, new ActivityMetrics(participants, 0, 1, 2), null);
        publisher.publishAndWait(EventEnvelope.of(id, EventSource.site(KREIS_SOEST), ActivityEventTypes.REPORTED,
                KREIS_SOEST.value(), activity));
    }

    /** From the page's first tab stop (the skip link) on to the sign-in button, Enter, and the sign-in form by keyboard. */
    private void signInWithTheKeyboardAs(String user) {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0); document.querySelector('.skip-link').focus();");
        WebElement signIn = browser.findElement(By.id("sign-in"));
        // The key goes to whatever has the focus, as a person's keyboard does: the skip link is off-screen until it is
        // shown by its focus, and a headless browser whose window has no focus of its own may not show it, so
        // WebDriver would refuse to type "into" it.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the next tab stop is the sign-in button")
                .isEqualTo("sign-in");
        assertThat(signIn.getText()).isEqualTo("Anmelden");
        signIn.sendKeys(Keys.ENTER);

        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(AUTH_SERVER.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(AUTH_SERVER.password(user), Keys.ENTER);

        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/"));
        awaitLive();
    }

    /** The sign-out form posts the session's CSRF token; afterwards the page is the public one again. */
    private void signOutWithTheKeyboard() {
        WebElement signOut = browser.findElement(By.id("sign-out"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", signOut);
        signOut.sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("sign-in")).isEmpty());
        awaitLive();
    }

    private void awaitLive() {
        waitUpTo(LIVE_UPDATE).until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state"))
                && !d.findElements(By.cssSelector("#table-focus-area tbody tr[data-key]")).isEmpty());
    }

    private void awaitCell(FocusArea focusArea, String metric, String value) {
        waitUpTo(LIVE_UPDATE).withMessage(() -> focusArea + " " + metric + " shows " + value + "; page: "
                        + browser.findElement(By.id("table-focus-area")).getAttribute("textContent")
                        + "; connection: " + browser.findElement(By.id("connection")).getAttribute("data-state"))
                .until(d -> value.equals(cellValue(focusArea, metric)));
    }

    /** A cell's value ({@code data-value}: the number, or {@code suppressed}), read in one step: the page may redraw any time. */
    private String cellValue(FocusArea focusArea, String metric) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const cell = document.querySelector(arguments[0]); return cell ? cell.dataset.value : null;", cellSelector(focusArea, metric));
    }

    private String cellText(FocusArea focusArea, String metric) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector(arguments[0]).textContent;", cellSelector(focusArea, metric));
    }

    private static String cellSelector(FocusArea focusArea, String metric) {
        return "#table-focus-area tbody tr[data-key='" + focusArea.name() + "'] td[data-metric='" + metric + "']";
    }

    /**
     * Presses a panel's "CSV herunterladen" button with the keyboard and catches the file the page hands to
     * the browser's download (headless Chromium saves none), the way the page made it: from the API's CSV,
     * fetched with the session cookie.
     */
    private String downloadCsvWithTheKeyboard(String panel) {
        JavascriptExecutor page = browser;
        page.executeScript("""
                window.__download = null;
                const click = HTMLAnchorElement.prototype.click;
                HTMLAnchorElement.prototype.click = function () {
                    if (!this.download) { return click.call(this); }
                    const name = this.download;
                    fetch(this.href).then(r => r.text()).then(text => { window.__download = { name: name, text: text }; });
                };
                """);
        WebElement button = browser.findElement(By.cssSelector("[data-csv='" + panel + "']"));
        page.executeScript("arguments[0].focus();", button);
        button.sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(page.executeScript("return window.__download !== null;")));
        assertThat((String) page.executeScript("return window.__download.name;")).endsWith(".csv");
        return (String) page.executeScript("return window.__download.text;");
    }

    /**
     * The LaKI's download of this year's report, internal edition, with the page's own session: both links answer
     * (HTML and the PDF) and the HTML names itself the internal edition.
     */
    private void downloadTheInternalReportAsTheLaki() {
        assertThat(browser.findElement(By.id("report-internal")).isDisplayed()).as("the internal report, signed in").isTrue();
        String year = String.valueOf(today().getYear());
        List<WebElement> links = browser.findElements(By.cssSelector("#report-internal a"));
        assertThat(links).extracting(link -> link.getAttribute("data-report")).containsExactly("html", "pdf");
        for (WebElement link : links) {
            String href = link.getAttribute("href");
            assertThat(href).contains("/api/v1/reports/annual/" + year + ".").endsWith("?edition=internal");
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], { credentials: 'same-origin' })
                        .then(async r => done({ status: r.status, type: r.headers.get('Content-Type'),
                            title: r.headers.get('Content-Type').startsWith('text/html')
                                ? new DOMParser().parseFromString(await r.text(), 'text/html').title : '' }))
                        .catch(e => done({ status: -1, type: String(e), title: '' }));
                    """, href);
            assertThat(answer.get("status")).as(href + ": " + answer).isEqualTo(200L);
            if (href.contains(".pdf")) {
                assertThat((String) answer.get("type")).startsWith("application/pdf");
            } else {
                assertThat((String) answer.get("title")).isEqualTo("KI-Netz NRW – Jahresbericht " + year + " (interne Ausgabe)");
            }
        }
    }

    /** A mark that a reload would wipe out. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");
    }

    private void assertPageNotReloaded() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__notReloaded === true;"))
                .as("updated without reloading the page").isEqualTo(true);
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The district map: 53 district tiles, the city of Aachen's KI inside the Städteregion's, the table twin with all
     * 54 KIs; the arrow keys move between tiles and Enter names one; every measure has a legend whose steps are
     * written in the tiles, so colour is never the only sign.
     */
    private void useTheDistrictMapWithTheKeyboard() throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waitUpTo(Duration.ofSeconds(20)).until(d -> ((Long) js.executeScript(
                "return document.querySelectorAll('#map .map-tile').length;")) == 54);
        assertThat(js.executeScript("return document.querySelectorAll('#map .map-cell').length;")).isEqualTo(53L);
        assertThat(js.executeScript("return document.querySelector('#map [data-site=\"05334002\"]').parentElement"
                + " === document.querySelector('#map [data-site=\"05334\"]').parentElement;")).as("Aachen inside the Städteregion")
                .isEqualTo(true);
        assertThat(js.executeScript("return document.querySelectorAll('#table-map tbody tr').length;")).isEqualTo(54L);
        assertThat(js.executeScript("return document.querySelectorAll('#map .map-tile[tabindex=\"0\"]').length;"))
                .as("one tab stop").isEqualTo(1L);
        assertThat(browser.findElement(By.cssSelector("#map [data-site='05974']")).getAttribute("aria-label"))
                .startsWith("Kreis Soest: ").contains("Aktivitäten");

        WebElement first = browser.findElement(By.cssSelector("#map .map-tile[tabindex='0']"));
        String firstSite = first.getAttribute("data-site");
        first.sendKeys(Keys.ARROW_DOWN);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("data-site")).as("the arrow key moved to another tile").isNotNull().isNotEqualTo(firstSite);
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("map-selection")).getText()).startsWith(focused.getAttribute("aria-label").split(":")[0]);
        assertThat(focused.getAttribute("aria-pressed")).isEqualTo("true");

        for (String[] measure : new String[][] {{"participantsPer1000", "[0-5•]"}, {"status", "[GZSEX–]"}, {"activities", "[0-5]"}}) {
            WebElement select = browser.findElement(By.id("map-measure"));
            js.executeScript("arguments[0].focus();", select);
            new org.openqa.selenium.support.ui.Select(select).selectByValue(measure[0]);
            @SuppressWarnings("unchecked")
            List<String> steps = (List<String>) js.executeScript(
                    "return Array.from(document.querySelectorAll('#map .map-tile')).map(t => t.dataset.step);");
            assertThat(steps).as(measure[0]).hasSize(54).allSatisfy(step -> assertThat(step).matches(measure[1]));
            @SuppressWarnings("unchecked")
            List<String> legend = (List<String>) js.executeScript(
                    "return Array.from(document.querySelectorAll('#map-legend li')).map(li => li.lastElementChild.textContent);");
            assertThat(legend).as("the legend names each step in words").isNotEmpty()
                    .allSatisfy(item -> assertThat(item).matches("^\\S+ = .+"));
            if (measure[0].equals("status")) {
                assertThat(legend).anySatisfy(item -> assertThat(item).isEqualTo("E = etabliert"));
                assertThat(axe.seriousViolations(browser)).as("axe-core, the map by status").isEmpty();
            }
        }
        // The README's picture of the map: the map with its legend (the table beneath holds the same numbers).
        WebElement map = browser.findElement(By.cssSelector("#panel-map .map-layout"));
        js.executeScript("arguments[0].scrollIntoView();", map);
        assertThat(map.findElement(By.id("map")).getSize().getWidth()).as("the map is drawn at its full width")
                .isGreaterThan(9 * 40);
        Files.write(Path.of("target/dashboard-map.png"), map.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, for people to look at (the README shows one). */
    private void screenshot(String file) throws Exception {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 6000)));
        Path target = Path.of(file);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(window);
        assertThat(Files.size(target)).isPositive();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }
}
