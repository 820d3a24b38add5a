package nrw.kinetz.deployment;

import static nrw.kinetz.deployment.Repository.list;
import static nrw.kinetz.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;

import nrw.kinetz.deployment.DeclaredTopics.Topic;
import nrw.kinetz.deployment.Repository.Service;

/**
 * {@code docker-compose.yml} against the services' own configuration and the topics the code declares: what
 * {@code docker compose up} would start cannot start here (no Docker engine), so its file is held to the code.
 */
class ComposeFileTests {

    /** A variable compose fills in from {@code .env}: {@code ${NAME}}, {@code ${NAME:?message}} ({@code $$} is a literal $). */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");

    private static final Map<String, Object> COMPOSE = map(Repository.yaml("docker-compose.yml"), "docker-compose.yml");

    private static final Map<String, Object> REALM = map(Repository.yaml(KeycloakRealmTests.REALM_FILE), "realm");

    @Test
    void everyServiceModuleHasAnEntryBuiltFromItsOwnJarWithTheProdProfile() {
        for (Service service : Repository.services()) {
            Map<String, Object> entry = service(service.name());
            Map<String, Object> build = map(entry.get("build"), service.name() + ".build");
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(Repository.ROOT.resolve((String) build.get("dockerfile"))).isRegularFile();
            assertThat(map(build.get("args"), "build args")).as(service.name()).containsEntry("SERVICE", service.name());
            assertThat(environment(service.name())).as(service.name()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        }
    }

    @Test
    void everyServiceListensOnItsOwnPortPublishesItAndIsAskedForReadinessThere() {
        for (Service service : Repository.services()) {
            Map<String, Object> entry = service(service.name());
            String port = String.valueOf(service.port());
            assertThat(environment(service.name())).as(service.name()).containsEntry("SERVER_PORT", port);
            assertThat(list(entry.get("ports"), "ports")).as(service.name()).contains(port + ":" + port);
            String healthcheck = String.join(" ", list(map(entry.get("healthcheck"), "healthcheck").get("test"), "test")
                    .stream().map(String::valueOf).toList());
            assertThat(healthcheck).as(service.name()).contains("/dev/tcp/127.0.0.1/$$SERVER_PORT")
                    .contains("GET /actuator/health/readiness ").contains("== *\" 200 \"*");
        }
    }

    @Test
    void everyServiceIsGivenEveryVariableItsConfigurationReads() {
        for (Service service : Repository.services()) {
            Set<String> needed = new HashSet<>(Repository.prodVariables());
            needed.addAll(service.variables());
            assertThat(environment(service.name()).keySet()).as(service.name()).containsAll(needed);
        }
        assertThat(Repository.prodVariables())
                .containsExactlyInAnyOrder("KINETZ_KAFKA_BOOTSTRAP_SERVERS", "KINETZ_MONGODB_URI", "KINETZ_ISSUER_URI");
    }

    @Test
    void everyServiceTalksToTheKraftBrokerOverItsInternalListener() {
        Map<String, Object> kafka = environment("kafka");
        assertThat(String.valueOf(service("kafka").get("image"))).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        // The broker formats its log directory with this id and refuses to start with one that is not a Kafka Uuid.
        assertThat(Uuid.fromString(String.valueOf(kafka.get("CLUSTER_ID")))).isNotEqualTo(Uuid.ZERO_UUID);
        String internal = listener(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS")),
                String.valueOf(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")));
        for (Service service : Repository.services()) {
            assertThat(environment(service.name())).as(service.name()).containsEntry("KINETZ_KAFKA_BOOTSTRAP_SERVERS", internal);
        }
    }

    @Test
    void everyServiceUsesTheMongoReplicaSetThatMongoInitCreates() {
        String mongo = String.join(" ", list(service("mongo").get("entrypoint"), "mongo entrypoint").stream().map(String::valueOf).toList());
        Matcher replicaSet = Pattern.compile("--replSet (\\w+)").matcher(mongo);
        assertThat(replicaSet.find()).as("mongod --replSet").isTrue();
        String name = replicaSet.group(1);
        String init = String.join(" ", list(service("mongo-init").get("entrypoint"), "mongo-init").stream().map(String::valueOf).toList());
        assertThat(init).contains("rs.initiate({_id: '" + name + "', members: [{_id: 0, host: 'mongo:27017'}]})")
                .contains("isWritablePrimary");
        for (Service service : Repository.services()) {
            ConnectionString uri = new ConnectionString(interpolated(
                    String.valueOf(environment(service.name()).get("KINETZ_MONGODB_URI"))));
            assertThat(uri.getHosts()).as(service.name()).containsExactly("mongo:27017");
            assertThat(uri.getRequiredReplicaSetName()).as(service.name()).isEqualTo(name);
            // Each service names its own database (spring.mongodb.database = its application name).
            assertThat(uri.getDatabase()).as(service.name()).isNull();
        }
    }

    @Test
    void everyServiceTrustsTheRealmKeycloakImportsAsItsIssuer() {
        String realm = String.valueOf(REALM.get("realm"));
        Map<String, Object> keycloak = environment("keycloak");
        String issuer = keycloak.get("KC_HOSTNAME") + "/realms/" + realm;
        assertThat(list(service("keycloak").get("command"), "keycloak command")).contains("--import-realm");
        assertThat(list(service("keycloak").get("volumes"), "keycloak volumes"))
                .contains("./" + KeycloakRealmTests.REALM_FILE + ":/opt/keycloak/data/import/kinetz-realm.json:ro");
        for (Service service : Repository.services()) {
            Map<String, Object> environment = environment(service.name());
            assertThat(environment).as(service.name()).containsEntry("KINETZ_ISSUER_URI", issuer)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                            "http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
        }
        Map<String, Object> reporting = environment("reporting");
        assertThat(String.valueOf(reporting.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KINETZ_AUTHORIZATIONURI")))
                .startsWith(issuer + "/");
        assertThat(String.valueOf(reporting.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KINETZ_TOKENURI")))
                .startsWith("http://keycloak:8080/realms/" + realm + "/");
    }

    @Test
    void everyTopicTheCodeDeclaresIsCreatedWithItsPartitionsReplicasAndCompaction() {
        Map<String, Object> environment = environment(Repository.services().get(0).name());
        int replicas = Integer.parseInt(String.valueOf(environment.get("KINETZ_KAFKA_REPLICAS")));
        int minInsync = Integer.parseInt(String.valueOf(environment.get("KINETZ_KAFKA_MININSYNCREPLICAS")));
        for (Service service : Repository.services()) {
            assertThat(environment(service.name())).as(service.name())
                    .containsEntry("KINETZ_KAFKA_REPLICAS", String.valueOf(replicas))
                    .containsEntry("KINETZ_KAFKA_MININSYNCREPLICAS", String.valueOf(minInsync));
        }

        assertThat(createdTopics()).isEqualTo(DeclaredTopics.withReplication(replicas, minInsync));
        assertThat(createdTopics().get("laki.aggregates.v1").configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void everyServiceStartsOnlyOnceTopicsReplicaSetAndIssuerAreReady() {
        for (Service service : Repository.services()) {
            Map<String, Object> dependsOn = map(service(service.name()).get("depends_on"), service.name() + ".depends_on");
            assertThat(condition(dependsOn, "kafka-topics")).as(service.name()).isEqualTo("service_completed_successfully");
            assertThat(condition(dependsOn, "mongo-init")).as(service.name()).isEqualTo("service_completed_successfully");
            assertThat(condition(dependsOn, "keycloak")).as(service.name()).isEqualTo("service_healthy");
        }
        assertThat(condition(map(service("kafka-topics").get("depends_on"), "kafka-topics"), "kafka")).isEqualTo("service_healthy");
        assertThat(condition(map(service("mongo-init").get("depends_on"), "mongo-init"), "mongo")).isEqualTo("service_healthy");
        for (String withHealth : List.of("kafka", "mongo", "keycloak", "mailpit")) {
            assertThat(service(withHealth)).as(withHealth).containsKey("healthcheck");
        }
    }

    @Test
    void theCatalogSendsItsMailsToMailpit() {
        assertThat(String.valueOf(service("mailpit").get("image"))).startsWith("axllent/mailpit:");
        assertThat(environment("event-catalog")).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(condition(map(service("event-catalog").get("depends_on"), "event-catalog"), "mailpit")).isEqualTo("service_healthy");
    }

    @Test
    void secretsComeFromTheGitIgnoredEnvFileThatOnlyTheExampleDescribes() {
        String compose = Repository.read(Repository.ROOT.resolve("docker-compose.yml"));
        Set<String> interpolated = Repository.variablesIn(compose, INTERPOLATION);
        assertThat(interpolated).contains("MONGO_ROOT_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD", "KINETZ_SECRET_DASHBOARD",
                "KINETZ_CATALOG_LINK_SECRET");
        Map<String, String> example = Repository.envExample();
        assertThat(example.keySet()).containsAll(interpolated);
        example.forEach((name, value) -> {
            if (name.matches(".*(SECRET|PASSWORD|KEY).*")) {
                assertThat(value).as(name + " in .env.example").isEmpty();
            }
        });
        assertThat(Repository.read(Repository.ROOT.resolve(".gitignore")).lines()).contains(".env");
        assertThat(Files.exists(Repository.ROOT.resolve(".env.example"))).isTrue();
    }

    @Test
    void theImageRunsTheLayeredJarAsAUserWithoutPrivileges() {
        String dockerfile = Repository.read(Repository.ROOT.resolve("infra/docker/Dockerfile"));
        assertThat(dockerfile).contains("ARG SERVICE")
                .contains("COPY services/${SERVICE}/target/${SERVICE}.jar")
                .contains("-Djarmode=tools -jar application.jar extract --layers --launcher")
                .contains("USER 10001:10001")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile.indexOf("USER 10001")).isGreaterThan(dockerfile.lastIndexOf("COPY --from=layers"));
        // The build context is the jars alone: no .env, no .devstack secrets, no sources.
        assertThat(Repository.read(Repository.ROOT.resolve(".dockerignore")).lines().filter(line -> !line.startsWith("#")))
                .containsExactly("*", "!services/*/target/*.jar");
    }

    /** @return topic → partitions, replicas and configs as the kafka-topics job's lines state them */
    private static Map<String, Topic> createdTopics() {
        String script = String.valueOf(list(service("kafka-topics").get("command"), "kafka-topics command").get(0));
        String lines = script.substring(script.indexOf("<<'TOPICS'\n") + "<<'TOPICS'\n".length(), script.lastIndexOf("TOPICS"));
        Map<String, Topic> topics = new TreeMap<>();
        for (String line : lines.strip().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            Map<String, String> configs = new TreeMap<>();
            if (!parts[3].equals("-")) {
                for (String config : parts[3].split(",")) {
                    configs.put(config.substring(0, config.indexOf('=')), config.substring(config.indexOf('=') + 1));
                }
            }
            topics.put(parts[0], new Topic(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), configs));
        }
        return topics;
    }

    private static String listener(String advertised, String name) {
        for (String listener : advertised.split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener.substring(name.length() + 3);
            }
        }
        throw new AssertionError("no advertised listener " + name + " in " + advertised);
    }

    private static String condition(Map<String, Object> dependsOn, String service) {
        assertThat(dependsOn).containsKey(service);
        return String.valueOf(map(dependsOn.get(service), "depends_on." + service).get("condition"));
    }

    /** Fills {@code ${NAME...}} in as compose would from a .env with a value for everything. */
    private static String interpolated(String value) {
        return value.replaceAll("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}", "secret");
    }

    static Map<String, Object> service(String name) {
        Map<String, Object> services = map(COMPOSE.get("services"), "services");
        assertThat(services).as("compose services").containsKey(name);
        return map(services.get(name), name);
    }

    static Map<String, Object> environment(String name) {
        Map<String, Object> environment = new TreeMap<>();
        map(service(name).get("environment"), name + ".environment").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }
}
