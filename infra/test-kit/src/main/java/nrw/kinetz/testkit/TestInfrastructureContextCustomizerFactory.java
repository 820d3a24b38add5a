package nrw.kinetz.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a Spring test context at the test infrastructure when the test class carries
 * {@link WithKiNetzInfrastructure}. Registered in {@code META-INF/spring.factories}.
 */
class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, WithKiNetzInfrastructure.class)) {
            return null;
        }
        return new InfrastructureCustomizer();
    }

    /** Equal to every other instance, so Spring caches contexts across test classes as usual. */
    private static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration config) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            Map<String, Object> properties = new HashMap<>(TestIssuer.springProperties());
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            properties.put("spring.mongodb.uri", infrastructure.mongoConnectionString());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kinetzTestInfrastructure", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
