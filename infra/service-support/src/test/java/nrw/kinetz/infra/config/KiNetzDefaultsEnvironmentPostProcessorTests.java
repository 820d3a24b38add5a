package nrw.kinetz.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KiNetzDefaultsEnvironmentPostProcessorTests {

    private static final Map<String, Object> OPERATOR = Map.of(
            "KINETZ_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092",
            "KINETZ_MONGODB_URI", "mongodb://mongo-0,mongo-1,mongo-2/?replicaSet=rs0",
            "KINETZ_ISSUER_URI", "https://login.example/realms/kinetz");

    @Test
    void withoutTheProdProfileTheServicesLookOnLoopbackWithOneReplica() {
        StandardEnvironment environment = postProcessed(Map.of());

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(environment.getProperty("kinetz.kafka.replicas")).isNull();
        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isNull();
    }

    @Test
    void theProdProfileTakesInfrastructureAndIssuerFromTheEnvironment() {
        StandardEnvironment environment = postProcessed(OPERATOR, "prod");

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka-0:9092,kafka-1:9092");
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://mongo-0,mongo-1,mongo-2/?replicaSet=rs0");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("https://login.example/realms/kinetz");
    }

    @Test
    void theProdProfileAsksForThreeReplicasTwoInSyncAllAcksAndSecureCookies() {
        StandardEnvironment environment = postProcessed(OPERATOR, "prod");

        assertThat(environment.getProperty("kinetz.kafka.replicas")).isEqualTo("3");
        assertThat(environment.getProperty("kinetz.kafka.min-insync-replicas")).isEqualTo("2");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void aServiceThatIsNotToldWhereItsIssuerIsDoesNotStartWithTheProdProfile() {
        StandardEnvironment environment = postProcessed(Map.of(), "prod");

        assertThatThrownBy(() -> environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .hasMessageContaining("KINETZ_ISSUER_URI");
        assertThatThrownBy(() -> environment.getProperty("spring.kafka.bootstrap-servers"))
                .hasMessageContaining("KINETZ_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void whatAServiceOrTheOperatorSetsWinsOverTheProdDefaults() {
        StandardEnvironment environment = postProcessed(Map.of("kinetz.kafka.replicas", "1",
                "server.servlet.session.cookie.secure", "false"), "prod");

        assertThat(environment.getProperty("kinetz.kafka.replicas")).isEqualTo("1");
        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
    }

    private static StandardEnvironment postProcessed(Map<String, Object> set, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("set", set));
        environment.setActiveProfiles(profiles);
        new KiNetzDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
