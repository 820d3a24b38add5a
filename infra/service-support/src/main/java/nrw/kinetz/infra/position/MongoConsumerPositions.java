package nrw.kinetz.infra.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

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
        if (next.isEmpty()) {
            return;
        }
        // One command for all partitions of a poll, not one round trip each.
        List<WriteModel<Document>> writes = new ArrayList<>(next.size());
        next.forEach((partition, offset) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", group + "|" + partition.topic() + "|" + partition.partition()),
                Updates.combine(Updates.setOnInsert("group", group),
                        Updates.setOnInsert("topic", partition.topic()),
                        Updates.setOnInsert("partition", partition.partition()),
                        Updates.max("next", offset)),
                new UpdateOptions().upsert(true))));
        mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
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
