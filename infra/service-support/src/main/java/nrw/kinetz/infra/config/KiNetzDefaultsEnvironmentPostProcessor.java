package nrw.kinetz.infra.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults ({@code kinetz-defaults.properties}: acks=all, idempotence, short Kafka
 * timeouts, serializers, MongoDB and Kafka on loopback) with the lowest precedence, so a service's own
 * configuration and the environment always win. With the {@code prod} profile the production defaults
 * ({@code kinetz-defaults-prod.properties}: infrastructure and issuer from the environment, three replicas, secure
 * cookies) come first among them, still below everything a service or an operator sets.
 */
public class KiNetzDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "kinetz-defaults.properties";

    static final String PROD_PROFILE = "prod";

    static final String PROD_RESOURCE = "kinetz-defaults-prod.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(PROD_PROFILE)) {
            addLast(environment, "kinetzProdDefaults", PROD_RESOURCE);
        }
        addLast(environment, "kinetzDefaults", RESOURCE);
    }

    private static void addLast(ConfigurableEnvironment environment, String name, String resource) {
        try {
            new PropertiesPropertySourceLoader().load(name, new ClassPathResource(resource))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
