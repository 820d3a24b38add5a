package nrw.kinetz.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain decides, the adapters around it talk to HTTP, Kafka, MongoDB and SMTP. */
@AnalyzeClasses(packages = "nrw.kinetz.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainImportsNoSpringKafkaMongoOrMail = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "jakarta.mail..",
                    "jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson..", "nrw.kinetz.infra..")
            .because("the domain must read as plain Java rules, testable without a broker, a store or a mail server");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoItsAdapters = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("..domain..", "nrw.kinetz.model..", "java..")
            .because("the domain knows the contract (nrw.kinetz.model) and the JDK, nothing else");

    @ArchTest
    static final ArchRule offeringsDoNotKnowRegistrations = noClasses()
            .that().resideInAPackage("..catalog.offering..")
            .should().dependOnClassesThat().resideInAPackage("..catalog.registration..")
            .because("registrations build on offerings (their seats), never the other way round");
}
