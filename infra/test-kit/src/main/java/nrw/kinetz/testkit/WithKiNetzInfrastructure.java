package nrw.kinetz.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a real Kafka broker and a MongoDB server over TCP. On a {@code @SpringBootTest} it points
 * {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri} at them before the context starts,
 * and makes the services trust the test issuer whose tokens {@link TestTokens} mints. Any test method may
 * also take a {@link TestInfrastructure} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestInfrastructureExtension.class)
public @interface WithKiNetzInfrastructure {
}
