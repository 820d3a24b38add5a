package nrw.kinetz.testkit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.openqa.selenium.JavascriptExecutor;

import nrw.kinetz.model.event.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Runs axe-core (from its WebJar on the test classpath, never a CDN) in the page the browser shows. A module with
 * browser tests declares {@code org.webjars.npm:axe-core} (test scope) next to Selenium.
 */
public final class AxeCore {

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";

    private final String source;

    public AxeCore() {
        String version = webjarVersion();
        try (InputStream in = resource(WEBJAR + version + "/axe.min.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the serious and critical violations of the WCAG 2.0/2.1 A and AA rules and axe's best practices,
     *         one line each: rule, impact, what it asks for, and the elements concerned
     */
    public List<String> seriousViolations(JavascriptExecutor browser) {
        browser.executeScript(source);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify({ error: String(e) })));
                """);
        JsonNode violations = EventJson.mapper().readTree(String.valueOf(result));
        if (violations.has("error")) {
            throw new IllegalStateException("axe-core failed: " + violations.get("error").asString());
        }
        return violations.valueStream()
                .filter(v -> "serious".equals(v.get("impact").asString()) || "critical".equals(v.get("impact").asString()))
                .map(v -> v.get("id").asString() + " (" + v.get("impact").asString() + "): " + v.get("help").asString()
                        + " at " + v.get("nodes").valueStream().map(n -> n.get("target").toString()).toList())
                .toList();
    }

    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String name) {
        InputStream in = AxeCore.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test classpath (org.webjars.npm:axe-core)");
        }
        return in;
    }
}
