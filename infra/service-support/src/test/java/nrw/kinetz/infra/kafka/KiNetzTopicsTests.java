package nrw.kinetz.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.event.Topics;

class KiNetzTopicsTests {

    @Test
    void everyTopicAndItsDeadLetterTopicIsDeclaredWithTheConfiguredPartitionsAndReplicas() {
        Map<String, NewTopic> topics = declared(new KiNetzKafkaProperties(6, (short) 3, 2, null, null, null, null, null));

        assertThat(topics).hasSize(Topics.all().size() * 2);
        for (String topic : Topics.all()) {
            for (NewTopic declared : new NewTopic[] {topics.get(topic), topics.get(Topics.deadLetter(topic))}) {
                assertThat(declared.numPartitions()).isEqualTo(6);
                assertThat(declared.replicationFactor()).isEqualTo((short) 3);
                assertThat(declared.configs()).containsEntry("min.insync.replicas", "2");
            }
        }
    }

    @Test
    void onlyTheAggregatesAreCompacted() {
        Map<String, NewTopic> topics = declared(new KiNetzKafkaProperties(null, null, null, null, null, null, null, null));

        topics.forEach((name, topic) -> assertThat(topic.configs().get("cleanup.policy"))
                .as(name).isEqualTo(name.equals(Topics.AGGREGATES) ? "compact" : null));
    }

    @Test
    void withoutAMinimumOfInSyncReplicasTheBrokersDefaultStays() {
        Map<String, NewTopic> topics = declared(new KiNetzKafkaProperties(null, null, null, null, null, null, null, null));

        topics.values().forEach(topic -> assertThat(topic.configs()).doesNotContainKey("min.insync.replicas"));
    }

    private static Map<String, NewTopic> declared(KiNetzKafkaProperties properties) {
        return KiNetzKafkaAutoConfiguration.declaredTopics(properties).stream()
                .collect(Collectors.toMap(NewTopic::name, topic -> topic));
    }
}
