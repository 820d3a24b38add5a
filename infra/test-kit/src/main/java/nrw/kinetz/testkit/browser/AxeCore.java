package nrw.kinetz.testkit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

import nrw.kinetz.model.event.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Runs axe-core (its {@code axe.min.js} from the test classpath, never a CDN) in the page the browser shows, with
 * the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA and axe's best practices. A module with browser tests
 * declares {@code com.deque.html.axe-core:selenium} (test scope; only its script is used) next to Selenium.
 */
public final class AxeCore {

    /** Where Deque's Selenium integration (com.deque.html.axe-core:selenium) carries the script. */
    private static final String SCRIPT = "axe.min.js";

    /** The rule sets run: every WCAG level A and AA rule up to 2.2, and axe's best practices. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
            "best-practice");

    private final String source;

    public AxeCore() {
        try (InputStream in = resource(SCRIPT)) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the ids of the rules axe-core has for {@code tag}, e.g. {@code target-size} for {@code wcag22aa} */
    public List<String> ruleIds(JavascriptExecutor browser, String tag) {
        browser.executeScript(source);
        Object ids = browser.executeScript("return JSON.stringify(axe.getRules([arguments[0]]).map(r => r.ruleId));", tag);
        return EventJson.mapper().readTree(String.valueOf(ids)).valueStream().map(JsonNode::asString).toList();
    }

    /**
     * @return the serious and critical violations of the rules tagged {@link #TAGS}, one line each: rule,
     *         impact, what it asks for, and the elements concerned
     */
    public List<String> seriousViolations(JavascriptExecutor browser) {
        browser.executeScript(source);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify({ error: String(e) })));
                """, TAGS);
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

    private static InputStream resource(String name) {
        InputStream in = AxeCore.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test classpath (com.deque.html.axe-core:selenium)");
        }
        return in;
    }
}
