package nrw.kinetz.testkit.browser;

import java.util.Map;

/**
 * Whether a missing browser fails the build or skips the browser tests: on a developer's machine it skips them
 * with a notice; CI ({@code .ci/run}) sets {@value #VARIABLE}{@code =required} so that they can never be skipped
 * there unnoticed. The system property {@value #PROPERTY}{@code =required} does the same.
 */
public final class BrowserRequirement {

    public static final String VARIABLE = "KINETZ_BROWSER_TESTS";
    public static final String PROPERTY = "kinetz.test.browser";

    private BrowserRequirement() {
    }

    public static boolean required(Map<String, String> env, String property) {
        return "required".equalsIgnoreCase(env.getOrDefault(VARIABLE, "").trim())
                || "required".equalsIgnoreCase(property == null ? "" : property.trim());
    }

    static boolean required() {
        return required(System.getenv(), System.getProperty(PROPERTY));
    }
}
