package nrw.kinetz.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of one service, as a scaled-out deployment runs them: each its own application context on
 * its own port, all on the test infrastructure's Kafka broker and MongoDB, sharing one database and one
 * consumer group prefix that no other test uses. They share the topics with every other test in the JVM, as
 * instances in production share them with other services.
 */
public final class ServiceInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final String database;
    private final String groupPrefix;

    private ServiceInstances(String database, String groupPrefix) {
        this.database = database;
        this.groupPrefix = groupPrefix;
    }

    /**
     * Starts {@code count} instances of {@code application}, one after the other.
     *
     * @param settings further settings for every instance, {@code name=value}
     */
    public static ServiceInstances start(Class<?> application, int count, String... settings) {
        String deployment = "scaleout-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceInstances instances = new ServiceInstances(deployment, deployment);
        try {
            for (int i = 0; i < count; i++) {
                instances.contexts.add(instances.startOne(application, settings));
            }
        } catch (RuntimeException e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    private ConfigurableApplicationContext startOne(Class<?> application, String... settings) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        List<String> arguments = new ArrayList<>();
        // Command-line arguments, because they outrank the platform defaults as the environment does in production.
        arguments.add("--server.port=0");
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers());
        arguments.add("--spring.mongodb.uri=" + infrastructure.mongoConnectionString());
        arguments.add("--spring.mongodb.database=" + database);
        arguments.add("--spring.kafka.consumer.group-id=" + groupPrefix);
        TestIssuer.springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    /** @return the number of instances */
    public int size() {
        return contexts.size();
    }

    /** @return the application context of instance {@code index} (from 0) */
    public ConfigurableApplicationContext context(int index) {
        return contexts.get(index);
    }

    /** @return the HTTP port of instance {@code index} */
    public int port(int index) {
        return context(index).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(int index, Class<T> type) {
        return context(index).getBean(type);
    }

    /** @return the database every instance uses */
    public String database() {
        return database;
    }

    /** @return what every instance has as {@code spring.kafka.consumer.group-id} */
    public String groupPrefix() {
        return groupPrefix;
    }

    /** Stops the instances, the last started first. */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }
}
