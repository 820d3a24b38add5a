package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/** Claims a crashed store lost come back from the topic before the intake answers again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class ClaimRecoveryIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ClaimRecovery recovery;

    @Autowired
    KeptPositions positions;

    private IntakeApi api;
    private ActivityTopic topic;

    @BeforeEach
    void setUp(TestInfrastructure infrastructure) {
        api = new IntakeApi(port);
        topic = new ActivityTopic(infrastructure.kafkaBootstrapServers());
    }

    @Test
    void anActivityWhoseClaimTheStoreLostIsADuplicateOnTheNextPushNotAcceptedAgain() {
        Activities lost = Activities.of("05974");
        Activities unconfirmed = Activities.of("05974");
        JsonNode first = expect(api.report(IntakeApi.JSON, Activities.array(List.of(lost, unconfirmed)),
                TestTokens.ki("05974")), 202);
        assertThat(first.get("accepted").asInt()).isEqualTo(2);

        // The store crashes and loses its last writes: one claim, the batch that confirmed the other, and the
        // position up to which the claims were checked against the topic.
        String batch = mongo.findById(unconfirmed.id(), org.bson.Document.class, ActivityLedger.ACTIVITIES).getString("batch");
        mongo.remove(Query.query(Criteria.where("_id").is(lost.id())), ActivityLedger.ACTIVITIES);
        mongo.remove(Query.query(Criteria.where("_id").is(batch)), ActivityLedger.BATCHES);
        positions.forget(ClaimRecovery.GROUP);
        recovery.suspect();
        long before = topic.size();

        JsonNode again = expect(api.report(IntakeApi.JSON, Activities.array(List.of(lost, unconfirmed)),
                TestTokens.ki("05974")), 202);

        assertThat(again.get("duplicate").asInt()).isEqualTo(2);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(topic.size()).isEqualTo(before);
        assertThat(topic.withIds(List.of(lost.id(), unconfirmed.id()))).hasSize(2);
    }
}
