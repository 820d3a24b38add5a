package nrw.kinetz.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nrw.kinetz.testkit.architecture.ArchitectureRules;

/** The intake's layers by package: the activity rules and the rate arithmetic are plain Java. */
@AnalyzeClasses(packages = ArchitectureTests.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String SERVICE = "nrw.kinetz.intake";

    @ArchTest
    static final ArchRule domainKnowsOnlyTheContract = ArchitectureRules.domainKnowsOnlyTheContract();

    @ArchTest
    static final ArchRule nothingDependsOnAdapters = ArchitectureRules.nothingDependsOnAdapters(SERVICE);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = ArchitectureRules.featuresHaveNoCycles(SERVICE);

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther = noClasses()
            .that().resideInAPackage(SERVICE + ".ratelimit..")
            .should().dependOnClassesThat().resideInAPackage(SERVICE + ".activity..");
}
