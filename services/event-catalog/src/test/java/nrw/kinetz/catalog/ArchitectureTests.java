package nrw.kinetz.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nrw.kinetz.testkit.architecture.ArchitectureRules;

/**
 * The catalog's layers by package: each feature's {@code domain} decides and knows only the contract; the
 * classes around it talk to HTTP, Kafka, MongoDB and SMTP.
 */
@AnalyzeClasses(packages = ArchitectureTests.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String SERVICE = "nrw.kinetz.catalog";

    @ArchTest
    static final ArchRule domainKnowsOnlyTheContract = ArchitectureRules.domainKnowsOnlyTheContract();

    @ArchTest
    static final ArchRule nothingDependsOnAdapters = ArchitectureRules.nothingDependsOnAdapters(SERVICE);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = ArchitectureRules.featuresHaveNoCycles(SERVICE);

    @ArchTest
    static final ArchRule offeringsDoNotKnowRegistrations = noClasses()
            .that().resideInAPackage(SERVICE + ".offering..")
            .should().dependOnClassesThat().resideInAPackage(SERVICE + ".registration..")
            .because("registrations build on offerings (their seats), never the other way round");
}
