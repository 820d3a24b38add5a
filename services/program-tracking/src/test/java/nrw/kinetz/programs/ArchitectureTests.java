package nrw.kinetz.programs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain decides, the adapters around it talk to HTTP, Kafka and MongoDB (docs/architecture.md#code). */
@AnalyzeClasses(packages = "nrw.kinetz.programs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainImportsNoSpringKafkaOrMongo = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "jakarta.persistence..", "jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson..",
                    "nrw.kinetz.infra..")
            .because("the domain must read as plain Java rules, testable without a broker, a store or a container");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoItsAdapters = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("..domain..", "nrw.kinetz.model..", "java..")
            .because("the domain knows the contract (nrw.kinetz.model) and the JDK, nothing else");
}
