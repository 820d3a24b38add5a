package nrw.kinetz.deployment;

import static nrw.kinetz.deployment.Repository.list;
import static nrw.kinetz.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nrw.kinetz.deployment.DeclaredTopics.Topic;
import nrw.kinetz.deployment.Repository.Service;

/**
 * The kustomize base in {@code infra/k8s} against the services' configuration, the prod profile and the topics the
 * code declares: no cluster runs here, so the manifests are held to the code.
 */
class KubernetesManifestsTests {

    private static final Path BASE = Repository.ROOT.resolve("infra/k8s");

    private static final Map<String, Object> KUSTOMIZATION = map(Repository.yaml("infra/k8s/kustomization.yaml"), "kustomization");

    /** Every resource of the base, by kind and name. */
    private static final Map<String, Map<String, Object>> RESOURCES = resources();

    @Test
    void theKustomizationListsEveryManifestOfTheBaseAndNothingElse() {
        Set<String> listed = new TreeSet<>();
        list(KUSTOMIZATION.get("resources"), "resources").forEach(resource -> listed.add(String.valueOf(resource)));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(BASE)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).forEach(present::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void everyServiceModuleHasADeploymentOfItsImageAndAServiceOnItsPort() {
        Set<String> images = new HashSet<>();
        list(KUSTOMIZATION.get("images"), "images").forEach(image -> images.add(String.valueOf(map(image, "image").get("name"))));
        for (Service service : Repository.services()) {
            Map<String, Object> container = container(service.name());
            assertThat(container.get("image")).as(service.name()).isEqualTo("kinetz/" + service.name());
            assertThat(images).as("kustomization images").contains("kinetz/" + service.name());
            Map<String, Object> port = map(list(container.get("ports"), "ports").get(0), "port");
            assertThat(port).as(service.name()).containsEntry("name", "http").containsEntry("containerPort", service.port());
            assertThat(environment(service.name())).as(service.name()).containsEntry("SERVER_PORT", String.valueOf(service.port()));

            Map<String, Object> spec = map(resource("Service", service.name()).get("spec"), "service spec");
            Map<String, Object> servicePort = map(list(spec.get("ports"), "ports").get(0), "service port");
            assertThat(servicePort).as(service.name()).containsEntry("port", service.port()).containsEntry("targetPort", "http");
            assertThat(map(spec.get("selector"), "selector")).containsEntry("app.kubernetes.io/name", service.name());
        }
    }

    @Test
    void everyServiceIsProbedOnItsLivenessAndReadinessGroups() {
        for (Service service : Repository.services()) {
            Map<String, Object> container = container(service.name());
            assertThat(probePath(container, "livenessProbe")).as(service.name()).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "startupProbe")).as(service.name()).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).as(service.name()).isEqualTo("/actuator/health/readiness");
        }
    }

    @Test
    void everyServiceIsScrapedWhereItServesItsMetrics() {
        assertThat(Repository.sharedDefaults("kinetz-defaults.properties").getProperty("management.endpoints.web.exposure.include"))
                .contains("prometheus");
        for (Service service : Repository.services()) {
            Map<String, Object> template = map(map(resource("Deployment", service.name()).get("spec"), "spec").get("template"), "template");
            assertThat(map(map(template.get("metadata"), "metadata").get("annotations"), "annotations")).as(service.name())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()));
        }
    }

    @Test
    void everyServiceHasResourceRequestsAndLimitsAndRunsWithoutPrivileges() {
        for (Service service : Repository.services()) {
            Map<String, Object> resources = map(container(service.name()).get("resources"), service.name() + " resources");
            assertThat(map(resources.get("requests"), "requests")).as(service.name()).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"), "limits")).as(service.name()).containsKeys("cpu", "memory");
            Map<String, Object> pod = podSpec(service.name());
            assertThat(map(pod.get("securityContext"), "securityContext")).as(service.name())
                    .containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        }
    }

    @Test
    void everyServiceIsGivenEveryVariableItsConfigurationReadsWithTheProdProfile() {
        for (Service service : Repository.services()) {
            Map<String, String> environment = environment(service.name());
            Set<String> needed = new HashSet<>(Repository.prodVariables());
            needed.addAll(service.variables());
            assertThat(environment.keySet()).as(service.name()).containsAll(needed);
            assertThat(environment).as(service.name()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        }
    }

    @Test
    void theIntakeScalesWithAHorizontalPodAutoscalerAndReportingNoFurtherThanItsPartitions() {
        Map<String, Object> spec = map(resource("HorizontalPodAutoscaler", "activity-intake").get("spec"), "hpa spec");
        assertThat(map(spec.get("scaleTargetRef"), "scaleTargetRef")).containsEntry("kind", "Deployment")
                .containsEntry("name", "activity-intake");
        assertThat((Integer) spec.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) spec.get("maxReplicas")).isGreaterThan((Integer) spec.get("minReplicas"));
        assertThat(map(resource("Deployment", "activity-intake").get("spec"), "spec")).doesNotContainKey("replicas");

        int partitions = DeclaredTopics.withReplication(3, 2).get("ki.activities.v1").partitions();
        assertThat((Integer) map(resource("Deployment", "reporting").get("spec"), "spec").get("replicas"))
                .isBetween(2, partitions);
    }

    @Test
    void kafkaIsAStrimziKraftClusterOfThreeThatTheServicesReachOverItsPlainListener() {
        Map<String, Object> kafka = resourceOfKind("Kafka");
        String cluster = String.valueOf(map(kafka.get("metadata"), "metadata").get("name"));
        Map<String, Object> pool = resourceOfKind("KafkaNodePool");
        assertThat(map(map(pool.get("metadata"), "metadata").get("labels"), "labels")).containsEntry("strimzi.io/cluster", cluster);
        Map<String, Object> poolSpec = map(pool.get("spec"), "pool spec");
        assertThat(list(poolSpec.get("roles"), "roles")).containsExactlyInAnyOrder("controller", "broker");
        assertThat((Integer) poolSpec.get("replicas")).isEqualTo(3);

        Map<String, Object> kafkaSpec = map(map(kafka.get("spec"), "spec").get("kafka"), "spec.kafka");
        Properties prod = Repository.sharedDefaults("kinetz-defaults-prod.properties");
        assertThat(map(kafkaSpec.get("config"), "config"))
                .containsEntry("default.replication.factor", Integer.valueOf(prod.getProperty("kinetz.kafka.replicas")))
                .containsEntry("min.insync.replicas", Integer.valueOf(prod.getProperty("kinetz.kafka.min-insync-replicas")))
                .containsEntry("auto.create.topics.enable", false);
        Map<String, Object> plain = list(kafkaSpec.get("listeners"), "listeners").stream().map(l -> map(l, "listener"))
                .filter(l -> Boolean.FALSE.equals(l.get("tls"))).findFirst().orElseThrow();
        assertThat(config()).containsEntry("KINETZ_KAFKA_BOOTSTRAP_SERVERS", cluster + "-kafka-bootstrap:" + plain.get("port"))
                .containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
    }

    @Test
    void everyTopicTheCodeDeclaresIsAKafkaTopicWithThreeReplicasTwoInSyncAndCompactionForTheAggregates() {
        Properties prod = Repository.sharedDefaults("kinetz-defaults-prod.properties");
        Map<String, Topic> expected = DeclaredTopics.withReplication(Integer.parseInt(prod.getProperty("kinetz.kafka.replicas")),
                Integer.parseInt(prod.getProperty("kinetz.kafka.min-insync-replicas")));
        String cluster = String.valueOf(map(resourceOfKind("Kafka").get("metadata"), "metadata").get("name"));

        Map<String, Topic> declared = new TreeMap<>();
        RESOURCES.forEach((key, topic) -> {
            if (key.startsWith("KafkaTopic/")) {
                assertThat(map(map(topic.get("metadata"), "metadata").get("labels"), "labels")).as(key)
                        .containsEntry("strimzi.io/cluster", cluster);
                Map<String, Object> spec = map(topic.get("spec"), key + " spec");
                Map<String, String> configs = new TreeMap<>();
                map(spec.get("config"), key + " config").forEach((name, value) -> configs.put(name, String.valueOf(value)));
                declared.put(String.valueOf(spec.get("topicName")),
                        new Topic((Integer) spec.get("partitions"), (Integer) spec.get("replicas"), configs));
            }
        });
        assertThat(declared).isEqualTo(expected);
        assertThat(declared.get("laki.aggregates.v1").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(expected.get("ki.activities.v1").replicas()).isEqualTo(3);
        assertThat(expected.get("ki.activities.v1").configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void mongoIsAReplicaSetOfThreeWhoseUserMayWriteEachServicesOwnDatabaseOnly() {
        Map<String, Object> mongo = resourceOfKind("MongoDBCommunity");
        String name = String.valueOf(map(mongo.get("metadata"), "metadata").get("name"));
        Map<String, Object> spec = map(mongo.get("spec"), "spec");
        assertThat(spec).containsEntry("type", "ReplicaSet").containsEntry("members", 3);
        Map<String, Object> user = map(list(spec.get("users"), "users").get(0), "user");
        Set<String> databases = new TreeSet<>();
        list(user.get("roles"), "roles").forEach(role -> {
            Map<String, Object> r = map(role, "role");
            assertThat(r.get("name")).isEqualTo("readWrite");
            databases.add(String.valueOf(r.get("db")));
        });
        assertThat(databases).containsExactlyInAnyOrderElementsOf(
                Repository.services().stream().map(Service::applicationName).toList());

        // The operator's connection-string secret: <resource>-<auth database>-<user>.
        String secret = name + "-" + user.get("db") + "-" + user.get("name");
        for (Service service : Repository.services()) {
            Map<String, Object> variable = variable(service.name(), "KINETZ_MONGODB_URI");
            Map<String, Object> reference = map(map(variable.get("valueFrom"), "valueFrom").get("secretKeyRef"), "secretKeyRef");
            assertThat(reference).as(service.name()).containsEntry("name", secret).containsEntry("key", "connectionString.standard");
        }
    }

    @Test
    void theIssuerIsTheRealmOfTheKeycloakExport() {
        String realm = String.valueOf(map(Repository.yaml(KeycloakRealmTests.REALM_FILE), "realm").get("realm"));
        assertThat(config().get("KINETZ_ISSUER_URI")).startsWith("https://").endsWith("/realms/" + realm);
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe), probe).get("httpGet"), probe + ".httpGet");
        assertThat(httpGet.get("port")).isEqualTo("http");
        return String.valueOf(httpGet.get("path"));
    }

    private static Map<String, String> config() {
        Map<String, String> data = new TreeMap<>();
        map(resource("ConfigMap", "kinetz-config").get("data"), "data").forEach((key, value) -> data.put(key, String.valueOf(value)));
        return data;
    }

    /** The container's environment: the config map it takes whole, then its own variables (value or reference). */
    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        Map<String, Object> container = container(service);
        list(container.get("envFrom"), "envFrom").forEach(from -> {
            String name = String.valueOf(map(map(from, "envFrom").get("configMapRef"), "configMapRef").get("name"));
            map(resource("ConfigMap", name).get("data"), "data").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        });
        list(container.get("env"), "env").forEach(variable -> {
            Map<String, Object> v = map(variable, "env");
            environment.put(String.valueOf(v.get("name")), v.containsKey("value") ? String.valueOf(v.get("value")) : "(reference)");
        });
        return environment;
    }

    private static Map<String, Object> variable(String service, String name) {
        return list(container(service).get("env"), "env").stream().map(v -> map(v, "env"))
                .filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no variable " + name));
    }

    private static Map<String, Object> podSpec(String service) {
        Map<String, Object> spec = map(resource("Deployment", service).get("spec"), service + " spec");
        return map(map(spec.get("template"), "template").get("spec"), "pod spec");
    }

    private static Map<String, Object> container(String service) {
        List<Object> containers = list(podSpec(service).get("containers"), "containers");
        assertThat(containers).as(service).hasSize(1);
        return map(containers.get(0), service + " container");
    }

    private static Map<String, Object> resource(String kind, String name) {
        Map<String, Object> resource = RESOURCES.get(kind + "/" + name);
        assertThat(resource).as(kind + "/" + name + " in infra/k8s").isNotNull();
        return resource;
    }

    private static Map<String, Object> resourceOfKind(String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        RESOURCES.forEach((key, resource) -> {
            if (key.startsWith(kind + "/")) {
                found.add(resource);
            }
        });
        assertThat(found).as(kind + " in infra/k8s").hasSize(1);
        return found.get(0);
    }

    private static Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new TreeMap<>();
        for (Object file : list(KUSTOMIZATION.get("resources"), "resources")) {
            for (Object document : Repository.yamlDocuments(BASE.resolve(String.valueOf(file)))) {
                Map<String, Object> resource = map(document, String.valueOf(file));
                String key = resource.get("kind") + "/" + map(resource.get("metadata"), "metadata").get("name");
                assertThat(resources.put(key, resource)).as(key + " twice").isNull();
            }
        }
        return resources;
    }
}
