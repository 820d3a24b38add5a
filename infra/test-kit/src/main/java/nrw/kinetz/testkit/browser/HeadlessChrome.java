package nrw.kinetz.testkit.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser of {@link Chrome#setup()}, headless, German, with a fresh profile under {@code target/} and the
 * page's console kept for the test's evidence. Browser and driver are given by path, so nothing is looked up
 * again; the flags keep the browser from calling home, which a machine without internet access would refuse many
 * times over.
 */
public final class HeadlessChrome {

    private HeadlessChrome() {
    }

    /** Test classes that call this carry {@link RequiresChrome}, so a missing browser has been dealt with already. */
    public static ChromeDriver start() {
        Chrome.Setup setup = Chrome.setup();
        if (!setup.available()) {
            throw new IllegalStateException("No browser for the browser test: " + setup.missing());
        }
        Path profile;
        try {
            profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chrome-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(setup.browser().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-extensions", "--disable-default-apps", "--lang=de-DE",
                        "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(setup.driver().toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
