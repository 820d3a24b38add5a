package nrw.kinetz.infra.position;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link ConsumerPositions} in the service's MongoDB database, collection {@value #COLLECTION}: one document
 * per group and partition, moved forward with {@code $max} so a late or repeated write never moves it back.
 */
public final class MongoConsumerPositions implements ConsumerPositions {

    public static final String COLLECTION = "consumer_positions";

    private final MongoOperations mongo;

    public MongoConsumerPositions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<TopicPartition, Long> load(String group, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Document stored : mongo.find(Query.query(Criteria.where("group").is(group)), Document.class, COLLECTION)) {
            TopicPartition partition = new TopicPartition(stored.getString("topic"), stored.getInteger("partition"));
            if (partitions.contains(partition)) {
                positions.put(partition, ((Number) stored.get("next")).longValue());
            }
        }
        return positions;
    }

    @Override
    public void save(String group, Map<TopicPartition, Long> next) {
        next.forEach((partition, offset) -> mongo.upsert(
                Query.query(Criteria.where("_id").is(group + "|" + partition.topic() + "|" + partition.partition())),
                new Update().setOnInsert("group", group)
                        .setOnInsert("topic", partition.topic())
                        .setOnInsert("partition", partition.partition())
                        .max("next", offset),
                COLLECTION));
    }

    @Override
    public Map<String, Long> all() {
        Map<String, Long> positions = new HashMap<>();
        for (Document stored : mongo.findAll(Document.class, COLLECTION)) {
            positions.put(stored.getString("_id"), ((Number) stored.get("next")).longValue());
        }
        return positions;
    }

    @Override
    public void forget(String group) {
        mongo.remove(Query.query(Criteria.where("group").is(group)), COLLECTION);
    }
}
