package nrw.kinetz.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

import nrw.kinetz.testkit.architecture.fixture.adapter.ThingController;
import nrw.kinetz.testkit.architecture.fixture.domain.Thing;
import nrw.kinetz.testkit.architecture.fixture.domain.UsesSpring;
import nrw.kinetz.testkit.architecture.fixture.service.ThingService;
import nrw.kinetz.testkit.architecture.fixture.service.WiredService;

/** The rules catch what they are meant to catch, so a service's architecture test that passes means something. */
class ArchitectureRulesTests {

    private static final String SERVICE = "nrw.kinetz.testkit.architecture.fixture";

    @Test
    void aDomainClassUsingSpringBreaksTheDomainRule() {
        assertThat(ArchitectureRules.domainKnowsOnlyTheContract().evaluate(importing(UsesSpring.class)).hasViolation()).isTrue();
        assertThat(ArchitectureRules.domainKnowsOnlyTheContract().evaluate(importing(Thing.class)).hasViolation()).isFalse();
    }

    @Test
    void anApplicationServiceUsingSpringBreaksTheInfrastructureRuleButAnAdapterMay() {
        EvaluationResult wired = ArchitectureRules.onlyAdaptersTouchInfrastructure(SERVICE).evaluate(importing(WiredService.class));
        EvaluationResult adapter = ArchitectureRules.onlyAdaptersTouchInfrastructure(SERVICE)
                .evaluate(importing(ThingController.class, ThingService.class));

        assertThat(wired.hasViolation()).isTrue();
        assertThat(wired.getFailureReport().toString()).contains("WiredService");
        assertThat(adapter.hasViolation()).isFalse();
    }

    @Test
    void theCoreDependingOnAnAdapterBreaksTheAdapterRule() {
        assertThat(ArchitectureRules.nothingDependsOnAdapters(SERVICE).evaluate(importing(ThingService.class)).hasViolation())
                .isTrue();
        assertThat(ArchitectureRules.nothingDependsOnAdapters(SERVICE).evaluate(importing(ThingController.class, Thing.class))
                .hasViolation()).isFalse();
    }

    private static JavaClasses importing(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
