package nrw.kinetz.testkit.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where Chrome or Chromium and a ChromeDriver live on the machine at hand: an explicit path first
 * ({@value #BROWSER_VARIABLE}, {@value #DRIVER_VARIABLE}), then the places the usual packages install to on
 * Linux, macOS and Windows, then the {@code PATH}. Pure: the machine is described by a {@link Host}, so the
 * search can be tested with made-up machines.
 */
public final class ChromeDiscovery {

    /** An explicit browser executable, for installations in places nobody could guess. */
    public static final String BROWSER_VARIABLE = "KINETZ_CHROME";
    /** An explicit ChromeDriver executable. */
    public static final String DRIVER_VARIABLE = "KINETZ_CHROMEDRIVER";

    private static final List<String> LINUX_BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium", "/opt/google/chrome/chrome");
    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final List<String> MAC_BROWSERS = List.of("Google Chrome.app/Contents/MacOS/Google Chrome",
            "Chromium.app/Contents/MacOS/Chromium", "Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing");
    private static final List<String> LINUX_DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver");

    private ChromeDiscovery() {
    }

    /**
     * A machine as far as the search needs it.
     *
     * @param osName     like the system property {@code os.name} ("Linux", "Mac OS X", "Windows 11")
     * @param env        its environment variables
     * @param home       the user's home directory
     * @param executable whether a path is an executable file there
     */
    public record Host(String osName, Map<String, String> env, Path home, Predicate<Path> executable) {

        public static Host current() {
            return new Host(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")),
                    path -> path.toFile().isFile() && path.toFile().canExecute());
        }

        boolean windows() {
            return osName.toLowerCase(Locale.ROOT).startsWith("windows");
        }

        boolean mac() {
            String os = osName.toLowerCase(Locale.ROOT);
            return os.startsWith("mac") || os.startsWith("darwin");
        }
    }

    /** A browser found on the machine, with its driver if one was found too (otherwise Selenium Manager fetches one). */
    public record LocalChrome(Path browser, Optional<Path> driver) {
    }

    public static Optional<LocalChrome> find(Host host) {
        return first(host, browserCandidates(host)).map(browser -> new LocalChrome(browser, first(host, driverCandidates(host))));
    }

    /** Every place a browser may be, most specific first. */
    public static List<Path> browserCandidates(Host host) {
        List<Path> candidates = new ArrayList<>();
        explicit(host, BROWSER_VARIABLE).ifPresent(candidates::add);
        if (host.windows()) {
            for (String root : List.of("LOCALAPPDATA", "PROGRAMFILES", "PROGRAMFILES(X86)")) {
                String dir = host.env().get(root);
                if (dir != null && !dir.isBlank()) {
                    candidates.add(Path.of(dir, "Google", "Chrome", "Application", "chrome.exe"));
                    candidates.add(Path.of(dir, "Chromium", "Application", "chrome.exe"));
                }
            }
        } else if (host.mac()) {
            for (String app : MAC_BROWSERS) {
                candidates.add(Path.of("/Applications").resolve(app));
                candidates.add(host.home().resolve("Applications").resolve(app));
            }
        } else {
            LINUX_BROWSERS.forEach(path -> candidates.add(Path.of(path)));
        }
        candidates.addAll(onPath(host, BROWSER_NAMES));
        return candidates;
    }

    /** Every place a ChromeDriver may be. */
    public static List<Path> driverCandidates(Host host) {
        List<Path> candidates = new ArrayList<>();
        explicit(host, DRIVER_VARIABLE).ifPresent(candidates::add);
        if (!host.windows() && !host.mac()) {
            LINUX_DRIVERS.forEach(path -> candidates.add(Path.of(path)));
        }
        candidates.addAll(onPath(host, List.of("chromedriver")));
        return candidates;
    }

    private static Optional<Path> explicit(Host host, String variable) {
        return Optional.ofNullable(host.env().get(variable)).filter(value -> !value.isBlank()).map(Path::of);
    }

    private static List<Path> onPath(Host host, List<String> names) {
        String path = host.env().getOrDefault("PATH", host.env().getOrDefault("Path", ""));
        String separator = host.windows() ? ";" : ":";
        List<Path> found = new ArrayList<>();
        for (String dir : path.split(separator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names) {
                found.add(Path.of(dir, host.windows() ? name + ".exe" : name));
            }
        }
        return found;
    }

    private static Optional<Path> first(Host host, List<Path> candidates) {
        return candidates.stream().filter(host.executable()).findFirst();
    }
}
