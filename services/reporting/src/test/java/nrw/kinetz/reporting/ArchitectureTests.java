package nrw.kinetz.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nrw.kinetz.testkit.architecture.ArchitectureRules;

/**
 * Reporting's layers by package: projections, read models, measures and the feed are plain Java; only the
 * {@code adapter} packages (controllers, listeners, MongoDB stores, Kafka topics, Spring configuration) touch
 * infrastructure.
 */
@AnalyzeClasses(packages = ArchitectureTests.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String SERVICE = "nrw.kinetz.reporting";

    @ArchTest
    static final ArchRule onlyAdaptersTouchInfrastructure = ArchitectureRules.onlyAdaptersTouchInfrastructure(SERVICE);

    @ArchTest
    static final ArchRule nothingDependsOnAdapters = ArchitectureRules.nothingDependsOnAdapters(SERVICE);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = ArchitectureRules.featuresHaveNoCycles(SERVICE);

    @ArchTest
    static final ArchRule theActivityLayersBuildOnEachOther = noClasses()
            .that().resideInAnyPackage(SERVICE + ".activity.model..", SERVICE + ".activity.store..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE + ".activity.projection..", SERVICE + ".activity.replay..")
            .because("values and stores know no projection, projections know no replay");

    @ArchTest
    static final ArchRule theQueryKnowsNoMeasure = noClasses()
            .that().resideInAPackage(SERVICE + ".aggregate")
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE + ".site..", SERVICE + ".activity..",
                    SERVICE + ".feed..", SERVICE + ".live..")
            .because("a new measure is one more Measure bean, with no change to the endpoint");
}
