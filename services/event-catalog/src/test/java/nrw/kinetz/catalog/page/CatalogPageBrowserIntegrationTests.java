package nrw.kinetz.catalog.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import jakarta.mail.internet.MimeMessage;
import nrw.kinetz.catalog.CatalogIntegrationTest;
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.catalog.Mails;
import nrw.kinetz.catalog.Offerings;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.testkit.browser.AxeCore;
import nrw.kinetz.testkit.browser.HeadlessChrome;
import nrw.kinetz.testkit.browser.RequiresChrome;

/**
 * The page people use, in a real browser and with the keyboard alone: find an offering, register, fix a wrong
 * address, confirm with the link from the mail and cancel again. The page carries no script, and axe-core finds no
 * serious accessibility problem on any of its pages.
 */
@RequiresChrome
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class CatalogPageBrowserIntegrationTests {

    private static ChromeDriver browser;

    @Value("${local.server.port}")
    int port;

    private final AxeCore axe = new AxeCore();

    /** What the browser showed when a step failed, for whoever reads the build's output. */
    @AfterEach
    void keepTheEvidence() throws Exception {
        if (browser != null) {
            Files.writeString(Path.of("target/catalog-last-page.html"), browser.getPageSource());
            Files.write(Path.of("target/catalog-last-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonFindsAnOfferingRegistersConfirmsAndCancelsWithTheKeyboard() {
        String offering = new Offerings(new Http(port)).published("05974", 12);
        String email = "browser." + System.nanoTime() + "@example.org";
        browser = HeadlessChrome.start();

        browser.get("http://127.0.0.1:" + port + "/veranstaltungen?organiserSite=05974");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        assertThat(browser.getPageSource()).doesNotContain("<script");
        assertThat(axe.seriousViolations(browser)).as("axe-core, list").isEmpty();
        WebElement link = browser.findElement(By.cssSelector("a[href='/veranstaltungen/" + offering + "']"));
        link.sendKeys(Keys.ENTER);

        awaitHeading("Sprachsensibler Fachunterricht");
        assertThat(browser.getPageSource()).contains("12 von 12 Plätzen frei");
        assertThat(axe.seriousViolations(browser)).as("axe-core, details").isEmpty();
        browser.findElement(By.id("name")).sendKeys("Berta Browser");
        browser.findElement(By.id("email")).sendKeys("berta-ohne-domain");
        browser.findElement(By.id("email")).sendKeys(Keys.ENTER);

        awaitHeading("Sprachsensibler Fachunterricht");
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("gültige E-Mail-Adresse");
        assertThat(browser.findElement(By.id("email")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).as("what was typed stays").isEqualTo("Berta Browser");
        assertThat(axe.seriousViolations(browser)).as("axe-core, form with errors").isEmpty();
        WebElement address = browser.findElement(By.id("email"));
        address.clear();
        address.sendKeys(email, Keys.ENTER);

        awaitHeading("Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung");
        assertThat(axe.seriousViolations(browser)).as("axe-core, registered").isEmpty();
        MimeMessage request = Mails.await(email, "CONFIRM_REQUEST");
        browser.get("http://127.0.0.1:" + port + "/veranstaltungen/anmeldung/" + registrationId(request)
                + "/bestaetigen?t=" + Mails.token(request, "bestaetigen"));
        assertThat(axe.seriousViolations(browser)).as("axe-core, confirmation page").isEmpty();
        awaitHeading("Anmeldung bestätigen");
        browser.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);

        awaitHeading("Ihre Anmeldung ist bestätigt");
        MimeMessage confirmed = Mails.await(email, "CONFIRMED");
        browser.get("http://127.0.0.1:" + port + "/veranstaltungen/anmeldung/" + registrationId(confirmed)
                + "/abmelden?t=" + Mails.token(confirmed, "abmelden"));
        awaitHeading("Abmelden");
        browser.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);

        awaitHeading("Sie sind abgemeldet");
        assertThat(axe.seriousViolations(browser)).as("axe-core, cancelled").isEmpty();
        browser.get("http://127.0.0.1:" + port + "/veranstaltungen/anmeldung/" + registrationId(confirmed)
                + "/bestaetigen?t=gefaelscht");
        awaitHeading("Dieser Link ist ungültig");
        assertThat(axe.seriousViolations(browser)).as("axe-core, forged link").isEmpty();
    }

    /**
     * Waits for the page after a key press: the browser loads it after sendKeys has returned. An element of the
     * page being left is stale; Chromium sometimes says so as "Node with given id does not belong to the document".
     */
    private static void awaitHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .until(d -> heading.equals(d.findElement(By.tagName("h1")).getText()));
    }

    private static String registrationId(MimeMessage mail) {
        var matcher = java.util.regex.Pattern.compile("/anmeldung/([0-9a-f-]+)/").matcher(Mails.text(mail));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
