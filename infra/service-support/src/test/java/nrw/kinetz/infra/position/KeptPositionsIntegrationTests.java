package nrw.kinetz.infra.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

@SpringBootTest(classes = TestApplication.class)
@WithKiNetzInfrastructure
class KeptPositionsIntegrationTests {

    private static final String APPLIED = "kept_positions_test_applied";

    @Autowired
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory;

    @Autowired
    EventPublisher publisher;

    @Autowired
    KeptPositions positions;

    @Autowired
    ConsumerPositions store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient client;

    private final String group = "kept-positions-" + UUID.randomUUID();
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    @AfterEach
    void stopListeners() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Test
    void aListenerResumesFromThePositionKeptWithItsReadModelNotFromKafkasCommittedOffset() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ids.forEach(this::publish);
        startListener();
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(ids.get(2)) == 1);
        stopListeners();

        // The store loses its last write and the position that covered it; Kafka's committed offset survives.
        Document last = mongo.findById(ids.get(2).toString(), Document.class, APPLIED);
        TopicPartition partition = new TopicPartition(Topics.SITES, last.getInteger("partition"));
        mongo.remove(Query.query(Criteria.where("_id").is(ids.get(2).toString())), APPLIED);
        store.forget(group);
        store.save(group, Map.of(partition, last.getLong("offset")));

        startListener();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(ids.get(2)) == 1);
        assertThat(appliedCount(ids.get(0))).isEqualTo(1);
        assertThat(appliedCount(ids.get(1))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                store.load(group, List.of(partition)).get(partition) == last.getLong("offset") + 1);
    }

    @Test
    void positionsNeverMoveBackwardsAndAreForgottenWithTheirGroup() {
        TopicPartition partition = new TopicPartition(Topics.SITES, 0);
        store.save(group, Map.of(partition, 42L));
        store.save(group, Map.of(partition, 17L));

        assertThat(store.load(group, List.of(partition))).containsEntry(partition, 42L);
        assertThat(store.load(group, List.of(new TopicPartition(Topics.SITES, 1)))).isEmpty();

        store.forget(group);

        assertThat(store.load(group, List.of(partition))).isEmpty();
    }

    @Test
    void everyServiceWritesWithMajorityJournaledWriteConcern() {
        assertThat(client.getDatabase("any").getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    private void startListener() {
        ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(Topics.SITES);
        container.getContainerProperties().setGroupId(group);
        container.getContainerProperties().setMessageListener(new Recorder());
        container.start();
        containers.add(container);
    }

    /** A read model of its own: how often each event was applied, and where it was read. */
    private final class Recorder implements MessageListener<String, byte[]>, ConsumerSeekAware {

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            positions.seek(assignments, callback);
        }

        @Override
        public void onMessage(ConsumerRecord<String, byte[]> record) {
            EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
            mongo.upsert(Query.query(Criteria.where("_id").is(event.id().toString())),
                    new Update().inc("applied", 1).set("partition", record.partition()).set("offset", record.offset()),
                    APPLIED);
            positions.applied(record);
        }
    }

    private int appliedCount(UUID id) {
        Document applied = mongo.findById(id.toString(), Document.class, APPLIED);
        return applied == null ? 0 : applied.getInteger("applied");
    }

    private void publish(UUID id) {
        publisher.publishAndWait(EventEnvelope.of(id, EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                "05158", new SiteRegistered(SiteId.of("05158"), "Kreis Mettmann", TerritoryKind.KREIS,
                        Regierungsbezirk.DUESSELDORF, DistrictKey.of("05158"), 485_684, SiteStatus.ESTABLISHED,
                        LocalDate.of(2013, 1, 1))));
    }
}
