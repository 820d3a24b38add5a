package nrw.kinetz.reporting;

import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import nrw.kinetz.testkit.TestInfrastructure;

/** A database of its own on the test kit's MongoDB wire server, for store-level tests; dropped when closed. */
public final class ScratchDatabase implements AutoCloseable {

    private final MongoClient client;
    private final MongoTemplate mongo;

    public ScratchDatabase(TestInfrastructure infrastructure, String name) {
        this.client = MongoClients.create(infrastructure.mongoConnectionString());
        this.mongo = new MongoTemplate(client, name + "-" + UUID.randomUUID());
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
    }
}
