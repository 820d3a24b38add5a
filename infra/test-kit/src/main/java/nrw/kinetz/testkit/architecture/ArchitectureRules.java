package nrw.kinetz.testkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules every service keeps, told apart by package, never by class name (see docs/architecture.md):
 *
 * <ul>
 * <li>{@code <feature>.domain} — the rules; knows the contract ({@code nrw.kinetz.model}) and the JDK only.</li>
 * <li>{@code <feature>.adapter} — HTTP controllers, Kafka listeners and topics, MongoDB stores, Spring wiring:
 *     the only code that touches infrastructure. Nothing outside an adapter package depends on one.</li>
 * <li>everything else of a feature (application services, projections, read models) — plain Java, testable
 *     with hand-built fakes; it may use the plain parts of service-support (background worker, CSV writer,
 *     application problems, the lease interface).</li>
 * </ul>
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "nrw.kinetz.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     @ArchTest
 *     static final ArchRule domain = ArchitectureRules.domainKnowsOnlyTheContract();
 * }
 * }</pre>
 */
public final class ArchitectureRules {

    /** The packages of a feature's adapters. */
    public static final String ADAPTERS = "..adapter..";

    /** The packages of a feature's domain. */
    public static final String DOMAIN = "..domain..";

    private static final String[] INFRASTRUCTURE = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
            "org.bson..", "jakarta.servlet..", "jakarta.persistence..", "nrw.kinetz.infra.."};

    /** The parts of service-support that are plain Java and so fit every layer. */
    private static final String[] PLAIN_SUPPORT = {"nrw.kinetz.infra.worker..", "nrw.kinetz.infra.csv..",
            "nrw.kinetz.infra.problem..", "nrw.kinetz.infra.lease.."};

    private static final String PROBLEM_ERROR = "nrw.kinetz.infra.web.ProblemError";

    private ArchitectureRules() {
    }

    /** Domain classes depend on the domain, the contract ({@code nrw.kinetz.model}) and the JDK only. */
    public static ArchRule domainKnowsOnlyTheContract() {
        return classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "nrw.kinetz.model..", "java..")
                .because("the domain must read as plain rules, testable without a broker, a store or a container");
    }

    /**
     * Outside the adapter packages (and the application class in {@code service}'s own package) no class
     * touches Spring, Kafka, MongoDB, servlets or the infrastructure parts of service-support.
     *
     * @param service the service's base package, e.g. {@code nrw.kinetz.reporting}
     */
    public static ArchRule onlyAdaptersTouchInfrastructure(String service) {
        return noClasses().that(core(service))
                .should().dependOnClassesThat(infrastructure())
                .because("projections, read models and application services must be testable with hand-built fakes");
    }

    /**
     * The classes in these packages (outside their adapter packages) touch no infrastructure: for a service
     * whose features are only partly split into core and adapter packages yet.
     *
     * @param packages ArchUnit package identifiers, e.g. {@code nrw.kinetz.intake.ratelimit..}
     */
    public static ArchRule packagesAreFreeOfInfrastructure(String... packages) {
        return noClasses().that().resideInAnyPackage(packages).and(not(resideInAPackage(ADAPTERS)))
                .should().dependOnClassesThat(infrastructure())
                .because("plain code must be testable with hand-built fakes");
    }

    /** No class outside an adapter package depends on an adapter: adapters plug into the core, not the reverse. */
    public static ArchRule nothingDependsOnAdapters(String service) {
        return noClasses().that().resideInAPackage(service + "..").and(not(resideInAPackage(ADAPTERS)))
                .and(not(resideInAPackage(service)))
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .because("the core is wired to its adapters by Spring configuration in the adapter packages");
    }

    /** The features of a service ({@code <service>.<feature>}) do not depend on each other in a cycle. */
    public static ArchRule featuresHaveNoCycles(String service) {
        return slices().matching(service + ".(*)..").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> core(String service) {
        return resideInAPackage(service + "..").and(not(resideInAPackage(ADAPTERS))).and(not(resideInAPackage(service)))
                .as("classes of " + service + " outside its adapter packages");
    }

    private static DescribedPredicate<JavaClass> infrastructure() {
        return resideInAnyPackage(INFRASTRUCTURE).and(not(resideInAnyPackage(PLAIN_SUPPORT)))
                .and(not(HasName.Predicates.name(PROBLEM_ERROR)))
                .as("Spring, Kafka, MongoDB, servlet or service-support infrastructure types");
    }
}
