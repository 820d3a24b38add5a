package nrw.kinetz.infra.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.mongodb.client.MongoClient;

/**
 * MongoDB is up when the service's own database answers {@code ping}. Spring Boot's indicator sends
 * {@code hello} to every existing database instead; the embedded wire server (mongo-java-server) does not
 * know that command, so a service turned DOWN as soon as it had stored anything, and the devstack never
 * became ready. {@code ping} is answered by every MongoDB.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        super("MongoDB health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database);
    }
}
