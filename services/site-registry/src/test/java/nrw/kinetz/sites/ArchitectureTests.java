package nrw.kinetz.sites;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nrw.kinetz.testkit.architecture.ArchitectureRules;

/** The domain decides, the adapters around it talk to HTTP, Kafka and MongoDB; told apart by package. */
@AnalyzeClasses(packages = ArchitectureTests.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String SERVICE = "nrw.kinetz.sites";

    @ArchTest
    static final ArchRule domainKnowsOnlyTheContract = ArchitectureRules.domainKnowsOnlyTheContract();

    @ArchTest
    static final ArchRule featuresHaveNoCycles = ArchitectureRules.featuresHaveNoCycles(SERVICE);
}
