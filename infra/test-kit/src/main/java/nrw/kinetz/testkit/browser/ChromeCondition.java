package nrw.kinetz.testkit.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a {@link RequiresChrome} class when there is a browser; otherwise skips it, or fails where it is required. */
final class ChromeCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Chrome.Setup setup = Chrome.setup();
        if (setup.available()) {
            return ConditionEvaluationResult.enabled("browser " + setup.browser() + ", driver " + setup.driver());
        }
        String test = context.getRequiredTestClass().getSimpleName();
        if (BrowserRequirement.required()) {
            throw new IllegalStateException(test + " needs a browser and browser tests are required here ("
                    + BrowserRequirement.VARIABLE + "): " + setup.missing());
        }
        String notice = test + " skipped: " + setup.missing() + "; install Chrome or Chromium (or set "
                + ChromeDiscovery.BROWSER_VARIABLE + ") to run it";
        if (context.getElement().filter(Class.class::isInstance).isPresent()) {
            System.err.println("NOTICE " + notice);
        }
        return ConditionEvaluationResult.disabled(notice);
    }
}
