package nrw.kinetz.reporting;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps reporting's projections, views and measures plain Java (docs/architecture.md#code): only the adapters — HTTP
 * controllers, Kafka listeners, MongoDB stores, Spring configuration — touch infrastructure, and they are
 * recognisable by name.
 */
@AnalyzeClasses(packages = "nrw.kinetz.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final DescribedPredicate<JavaClass> ADAPTER = simpleNameEndingWith("Controller")
            .or(simpleNameEndingWith("Listener"))
            .or(simpleNameEndingWith("Configuration"))
            .or(simpleNameEndingWith("Application"))
            .or(JavaClass.Predicates.simpleNameStartingWith("Mongo"))
            .or(JavaClass.Predicates.simpleNameStartingWith("Kafka"))
            .or(enclosedInAnAdapter())
            .as("adapters (…Controller, …Listener, …Configuration, …Application, Mongo…, Kafka…, and classes nested in them)");

    @ArchTest
    static final ArchRule domainIsFreeOfSpringKafkaAndMongo = noClasses()
            .that().resideInAPackage("nrw.kinetz.reporting..").and(not(ADAPTER))
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "nrw.kinetz.infra..")
            .because("projections, views and measures must be testable with hand-built fakes and replayable anywhere");

    @ArchTest
    static final ArchRule theQueryKnowsNoMeasure = noClasses()
            .that().resideInAPackage("nrw.kinetz.reporting.aggregate..")
            .should().dependOnClassesThat().resideInAnyPackage("nrw.kinetz.reporting.site..", "nrw.kinetz.reporting.activity..",
                    "nrw.kinetz.reporting.feed..", "nrw.kinetz.reporting.live..")
            .because("a new measure is one more Measure bean, with no change to the endpoint");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("nrw.kinetz.reporting.(*)..").should().beFreeOfCycles();

    private static DescribedPredicate<JavaClass> enclosedInAnAdapter() {
        return DescribedPredicate.describe("nested in an adapter", javaClass -> javaClass.getEnclosingClass()
                .map(enclosing -> isAdapterName(enclosing.getSimpleName()))
                .orElse(false));
    }

    private static boolean isAdapterName(String name) {
        return name.endsWith("Controller") || name.endsWith("Listener") || name.endsWith("Configuration")
                || name.endsWith("Application") || name.startsWith("Mongo") || name.startsWith("Kafka");
    }
}
