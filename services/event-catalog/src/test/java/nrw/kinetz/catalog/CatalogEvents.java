package nrw.kinetz.catalog;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.TopicReader;

/** What the catalog published on {@code ki.catalog.v1}, read like an outside consumer would. */
public final class CatalogEvents {

    private final String bootstrapServers;
    private final MongoTemplate mongo;

    public CatalogEvents(String bootstrapServers, MongoTemplate mongo) {
        this.bootstrapServers = bootstrapServers;
        this.mongo = mongo;
    }

    /** Every record on the topic once no outbox holds anything: what is not there then was never going to be. */
    public List<ConsumerRecord<String, byte[]>> all() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !mongo.exists(Query.query(Criteria.where("outbox.0").exists(true)), "offerings"));
        return TopicReader.readToEnd(bootstrapServers, Topics.CATALOG, Duration.ofSeconds(10));
    }

    public List<ConsumerRecord<String, byte[]>> about(String offeringId) {
        return all().stream().filter(r -> offeringId.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList();
    }

    public List<String> typesAbout(String offeringId) {
        return about(offeringId).stream().map(r -> CloudEventsKafka.typeOf(r.headers()).orElse("?")).toList();
    }

    public <T> List<T> payloads(String offeringId, EventType<T> type) {
        return about(offeringId).stream().filter(r -> type.name().equals(CloudEventsKafka.typeOf(r.headers()).orElse(null)))
                .map(r -> CloudEventsKafka.fromRecord(r).dataAs(type)).toList();
    }
}
