package nrw.kinetz.programs;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nrw.kinetz.testkit.architecture.ArchitectureRules;

/**
 * Program tracking's layers by package (docs/architecture.md#code): each feature's {@code domain} decides and knows
 * the contract only; the features do not depend on each other in a cycle. Its features are not yet split into
 * core and {@code adapter} packages, so the rule that only adapters touch infrastructure is not applied yet.
 */
@AnalyzeClasses(packages = ArchitectureTests.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String SERVICE = "nrw.kinetz.programs";

    @ArchTest
    static final ArchRule domainKnowsOnlyTheContract = ArchitectureRules.domainKnowsOnlyTheContract();

    @ArchTest
    static final ArchRule featuresHaveNoCycles = ArchitectureRules.featuresHaveNoCycles(SERVICE);
}
