package nrw.kinetz.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

@SpringBootTest(classes = TestApplication.class)
@WithKiNetzInfrastructure
class StoreWritesIntegrationTests {

    private static final String COLLECTION = "store-writes-probe";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyDocumentOfABulkWriteCountsAsOneWriteOfItsCollectionAndReadsCountNothing() {
        var collection = mongo.getCollection(COLLECTION);
        collection.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
        collection.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", 1), Updates.set("a", 1)),
                new UpdateOneModel<>(Filters.eq("_id", 2), Updates.set("a", 2)), new DeleteOneModel<>(Filters.eq("_id", 3))));
        collection.find(Filters.in("_id", 1, 2)).into(new java.util.ArrayList<>());
        collection.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("a", 1));

        assertThat(writes("insert")).isEqualTo(3);
        assertThat(writes("update")).isEqualTo(2);
        assertThat(writes("delete")).isEqualTo(1);
        assertThat(writes("findAndModify")).isEqualTo(1);
        assertThat(meters.find(StoreWrites.METER).tag("command", "find").counter()).isNull();
    }

    private double writes(String command) {
        Counter counter = meters.find(StoreWrites.METER).tag("collection", COLLECTION).tag("command", command).counter();
        return counter == null ? 0 : counter.count();
    }
}
