package nrw.kinetz.testkit.browser;

import java.nio.file.Path;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.service.DriverFinder;

/**
 * The Chrome or Chromium the browser tests drive, with its ChromeDriver: the one installed on this machine
 * ({@link ChromeDiscovery}), and where there is none, or no driver for it, whatever Selenium Manager can provide
 * (it downloads Chrome for Testing and a matching driver when the machine may reach the internet). Resolved once
 * per test JVM.
 */
public final class Chrome {

    /** A browser and a driver that belong together, or why there is none. */
    public record Setup(Path browser, Path driver, String missing) {

        public boolean available() {
            return missing == null;
        }
    }

    private static Setup setup;

    private Chrome() {
    }

    public static synchronized Setup setup() {
        if (setup == null) {
            setup = resolve(ChromeDiscovery.find(ChromeDiscovery.Host.current()));
        }
        return setup;
    }

    private static Setup resolve(Optional<ChromeDiscovery.LocalChrome> local) {
        if (local.isPresent() && local.get().driver().isPresent()) {
            return new Setup(local.get().browser(), local.get().driver().get(), null);
        }
        ChromeOptions options = new ChromeOptions();
        local.ifPresent(chrome -> options.setBinary(chrome.browser().toFile()));
        try {
            DriverFinder finder = new DriverFinder(ChromeDriverService.createDefaultService(), options);
            Path driver = Path.of(finder.getDriverPath());
            Path browser = local.map(ChromeDiscovery.LocalChrome::browser)
                    .orElseGet(() -> finder.hasBrowserPath() ? Path.of(finder.getBrowserPath()) : null);
            if (browser == null) {
                return new Setup(null, null, "Selenium Manager found a driver but no browser");
            }
            return new Setup(browser, driver, null);
        } catch (RuntimeException e) {
            String what = local.map(chrome -> "no ChromeDriver for " + chrome.browser()).orElse("no Chrome or Chromium");
            return new Setup(null, null, what + " on this machine, and Selenium Manager could not provide one ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
