package nrw.kinetz.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** docs/architecture.md#code: the domain imports no Spring, Kafka or MongoDB types. */
@AnalyzeClasses(packages = "nrw.kinetz.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] INFRASTRUCTURE = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
            "org.bson..", "jakarta.servlet..", "nrw.kinetz.infra.."};

    @ArchTest
    static final ArchRule activityRulesAreFreeOfInfrastructure = noClasses()
            .that().resideInAPackage("..activity.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .as("the activity domain (rules, raw and checked reports) imports no Spring, Kafka, MongoDB or web types");

    @ArchTest
    static final ArchRule rateArithmeticIsFreeOfInfrastructure = noClasses()
            .that().haveSimpleName("TokenBucket").or().haveSimpleName("RateLimiter").or().haveSimpleName("RateLimit")
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);

    @ArchTest
    static final ArchRule theDomainDoesNotReachIntoTheAdapters = noClasses()
            .that().resideInAPackage("..activity.domain..")
            .should().dependOnClassesThat().resideInAPackage("nrw.kinetz.intake.activity");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther = noClasses()
            .that().resideInAPackage("..ratelimit..")
            .should().dependOnClassesThat().resideInAnyPackage("..activity..", "..schema..");
}
