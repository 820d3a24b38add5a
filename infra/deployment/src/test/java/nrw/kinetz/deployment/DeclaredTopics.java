package nrw.kinetz.deployment;

import java.util.Map;
import java.util.TreeMap;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.infra.kafka.KiNetzKafkaProperties;

/** The topics the services declare, as a deployment must create them, with the replication it runs with. */
final class DeclaredTopics {

    /** One topic as a deployment file states it. */
    record Topic(int partitions, int replicas, Map<String, String> configs) {
    }

    private DeclaredTopics() {
    }

    /**
     * @return topic name → partitions (the shared defaults' {@code kinetz.kafka.partitions}, else the code's
     *         default), the given replication and the configs the code gives each topic
     */
    static Map<String, Topic> withReplication(int replicas, int minInsyncReplicas) {
        String partitions = Repository.sharedDefaults("kinetz-defaults.properties").getProperty("kinetz.kafka.partitions");
        var properties = new KiNetzKafkaProperties(partitions == null ? null : Integer.valueOf(partitions),
                (short) replicas, minInsyncReplicas, null, null, null, null, null);
        Map<String, Topic> topics = new TreeMap<>();
        KiNetzKafkaAutoConfiguration.declaredTopics(properties).forEach(topic -> topics.put(topic.name(),
                new Topic(topic.numPartitions(), topic.replicationFactor(), new TreeMap<>(topic.configs()))));
        return topics;
    }
}
