package nrw.kinetz.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where everything lives and listens (docs/architecture.md#ports): fixed loopback ports, one git-ignored data folder.
 * A port offset moves every port at once, so a second stack (e.g. a test) can run beside a developer's.
 */
record DevstackLayout(Path repository, Path dataDir, int portOffset) {

    static final int KAFKA_PORT = 9092;
    static final int MONGO_PORT = 27017;
    /** The SMTP server of the catalog's mails, inside the devstack's own process. */
    static final int SMTP_PORT = 2525;

    /** A process the devstack starts: its jar (relative to the repository) and its HTTP port. */
    record Component(String name, String jar, int port) {
    }

    static final Component AUTH_SERVER = new Component("auth-server", "infra/auth-server/target/auth-server.jar", 9000);

    static final Component SITE_REGISTRY = new Component("site-registry", "services/site-registry/target/site-registry.jar", 8082);

    static final Component ACTIVITY_INTAKE = new Component("activity-intake", "services/activity-intake/target/activity-intake.jar", 8081);

    static final Component PROGRAM_TRACKING = new Component("program-tracking",
            "services/program-tracking/target/program-tracking.jar", 8083);

    /** Serves the dashboard: the address people open. */
    static final Component REPORTING = new Component("reporting", "services/reporting/target/reporting.jar", 8080);

    static final Component EVENT_CATALOG = new Component("event-catalog", "services/event-catalog/target/event-catalog.jar", 8084);

    /** Every service of the platform, in start order; those not built yet are skipped. */
    static final List<Component> SERVICES = List.of(
            SITE_REGISTRY,
            ACTIVITY_INTAKE,
            PROGRAM_TRACKING,
            EVENT_CATALOG,
            REPORTING);

    /** The layout of the repository in the working directory; data in {@code dataDir} or {@code .devstack}. */
    static DevstackLayout of(Path dataDir, int portOffset) {
        Path repository = Path.of("").toAbsolutePath();
        return new DevstackLayout(repository, dataDir != null ? dataDir.toAbsolutePath() : repository.resolve(".devstack"),
                portOffset);
    }

    int kafkaPort() {
        return KAFKA_PORT + portOffset;
    }

    int mongoPort() {
        return MONGO_PORT + portOffset;
    }

    int portOf(Component component) {
        return component.port() + portOffset;
    }

    String issuer() {
        return "http://127.0.0.1:" + portOf(AUTH_SERVER);
    }

    /** Where people open the dashboard; the authorization server sends them back here after signing in. */
    String dashboardUrl() {
        return "http://localhost:" + portOf(REPORTING);
    }

    int smtpPort() {
        return SMTP_PORT + portOffset;
    }

    /** Every mail the devstack's SMTP server received, one {@code .eml} file each, for {@code kinetz mails}. */
    Path mailDir() {
        return dataDir.resolve("mails");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path mongoDir() {
        return dataDir.resolve("mongo");
    }

    Path authDir() {
        return dataDir.resolve("auth");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path secretsFile() {
        return authDir().resolve("secrets.properties");
    }

    Path jarOf(Component component) {
        return repository.resolve(component.jar());
    }

    boolean isBuilt(Component component) {
        return Files.isRegularFile(jarOf(component));
    }
}
