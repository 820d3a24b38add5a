package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class InfrastructureProcessIntegrationTests {

    private static final String QUIET = "-Xmx256m -Dlogback.configurationFile=nrw/kinetz/infra/embedded/embedded-infrastructure-logback.xml";

    @Test
    void theBrokerAndTheStoreOfTheProcessAnswerAndEndWithIt() throws Exception {
        ProcessTestInfrastructure infrastructure = ProcessTestInfrastructure.start("memory", QUIET);
        try {
            assertThat(infrastructure.description()).startsWith("process: ").contains("(memory)");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    infrastructure.kafkaBootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("process-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("process-check");
            }
            try (MongoClient client = MongoClients.create(infrastructure.mongoConnectionString())) {
                MongoCollection<Document> documents = client.getDatabase("process").getCollection("check");
                documents.insertOne(new Document("_id", "a").append("n", 1));
                assertThat(documents.find().first()).containsEntry("n", 1);
            }
        } finally {
            infrastructure.close();
        }
        assertThat(infrastructure.isAlive()).isFalse();
    }

    @Test
    void theStoreOfTheProcessIsTheH2FileWhenAskedFor() {
        ProcessTestInfrastructure infrastructure = ProcessTestInfrastructure.start("h2", QUIET);
        try (MongoClient client = MongoClients.create(infrastructure.mongoConnectionString())) {
            assertThat(infrastructure.description()).contains("(h2)");
            MongoCollection<Document> documents = client.getDatabase("process").getCollection("check");
            documents.insertOne(new Document("_id", "b"));
            assertThat(documents.countDocuments()).isEqualTo(1);
        } finally {
            infrastructure.close();
        }
        assertThat(infrastructure.isAlive()).isFalse();
    }
}
