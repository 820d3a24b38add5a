package nrw.kinetz.testkit.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives Chrome or Chromium ({@link HeadlessChrome}). Where none can be had it is skipped with a
 * one-line notice, unless browser tests are {@linkplain BrowserRequirement required} (as in CI): then it fails.
 * Conditions are evaluated before any extension starts something, so a skipped class starts nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChromeCondition.class)
public @interface RequiresChrome {
}
