package nrw.kinetz.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The devstack's OAuth2 authorization server (docs/architecture.md#roles): issues the JWTs every service accepts,
 * to the KI systems, the LaKI and viewers (client credentials) and to people signing in to the dashboard.
 * It is a development tool; production uses a real identity provider with the same clients and claims.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
