package nrw.kinetz.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nrw.kinetz.testkit.browser.ChromeDiscovery.Host;
import nrw.kinetz.testkit.browser.ChromeDiscovery.LocalChrome;

class ChromeDiscoveryTests {

    private static final Path HOME = Path.of("/home/dev");

    private static Host linux(Map<String, String> env, String... executables) {
        return new Host("Linux", env, HOME, Set.of(executables).stream().map(Path::of).toList()::contains);
    }

    @Test
    void findsDebiansChromiumWithItsDriver() {
        Host host = linux(Map.of("PATH", "/usr/local/bin:/usr/bin"), "/usr/bin/chromium", "/usr/bin/chromedriver");

        assertThat(ChromeDiscovery.find(host))
                .contains(new LocalChrome(Path.of("/usr/bin/chromium"), Optional.of(Path.of("/usr/bin/chromedriver"))));
    }

    @Test
    void findsUbuntusChromiumBrowserAndGoogleChrome() {
        assertThat(ChromeDiscovery.find(linux(Map.of(), "/usr/bin/chromium-browser")).map(LocalChrome::browser))
                .contains(Path.of("/usr/bin/chromium-browser"));
        assertThat(ChromeDiscovery.find(linux(Map.of(), "/usr/bin/google-chrome")).map(LocalChrome::browser))
                .contains(Path.of("/usr/bin/google-chrome"));
    }

    @Test
    void aBrowserWithoutADriverIsFoundWithNoDriverSoThatSeleniumManagerCanProvideOne() {
        assertThat(ChromeDiscovery.find(linux(Map.of(), "/usr/bin/google-chrome")))
                .contains(new LocalChrome(Path.of("/usr/bin/google-chrome"), Optional.empty()));
    }

    @Test
    void looksAlongThePathForBrowsersAndDriversInUnusualPlaces() {
        Host host = linux(Map.of("PATH", "/opt/tools/bin::/nix/profile/bin"), "/nix/profile/bin/chromium", "/opt/tools/bin/chromedriver");

        assertThat(ChromeDiscovery.find(host))
                .contains(new LocalChrome(Path.of("/nix/profile/bin/chromium"), Optional.of(Path.of("/opt/tools/bin/chromedriver"))));
    }

    @Test
    void anExplicitPathComesBeforeEverythingElse() {
        Host host = linux(Map.of(ChromeDiscovery.BROWSER_VARIABLE, "/srv/chrome/chrome", ChromeDiscovery.DRIVER_VARIABLE, "/srv/chrome/driver"),
                "/srv/chrome/chrome", "/srv/chrome/driver", "/usr/bin/chromium", "/usr/bin/chromedriver");

        assertThat(ChromeDiscovery.find(host))
                .contains(new LocalChrome(Path.of("/srv/chrome/chrome"), Optional.of(Path.of("/srv/chrome/driver"))));
    }

    @Test
    void findsChromeInTheApplicationsFolderOfAMac() {
        Host mac = new Host("Mac OS X", Map.of("PATH", "/opt/homebrew/bin"), Path.of("/Users/dev"),
                Set.of(Path.of("/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium"), Path.of("/opt/homebrew/bin/chromedriver"))::contains);

        assertThat(ChromeDiscovery.find(mac)).contains(new LocalChrome(
                Path.of("/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium"), Optional.of(Path.of("/opt/homebrew/bin/chromedriver"))));
        assertThat(ChromeDiscovery.browserCandidates(mac)).as("no Linux paths on a Mac")
                .doesNotContain(Path.of("/usr/bin/chromium"))
                .contains(Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
    }

    @Test
    void findsChromeUnderProgramFilesOnWindows() {
        Path chrome = Path.of("C:\\Program Files", "Google", "Chrome", "Application", "chrome.exe");
        Path driver = Path.of("C:\\tools", "chromedriver.exe");
        Host windows = new Host("Windows 11", Map.of("PROGRAMFILES", "C:\\Program Files", "Path", "C:\\Windows;C:\\tools"),
                Path.of("C:\\Users\\dev"), Set.of(chrome, driver)::contains);

        assertThat(ChromeDiscovery.find(windows)).contains(new LocalChrome(chrome, Optional.of(driver)));
    }

    @Test
    void findsNothingOnAMachineWithoutABrowserEvenIfItHasADriver() {
        assertThat(ChromeDiscovery.find(linux(Map.of("PATH", "/usr/bin"), "/usr/bin/chromedriver"))).isEmpty();
    }
}
