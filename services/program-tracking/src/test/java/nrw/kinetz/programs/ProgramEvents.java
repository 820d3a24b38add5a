package nrw.kinetz.programs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.TopicReader;

/** What the service published on {@code ki.programs.v1}, read like an outside consumer would. */
public final class ProgramEvents {

    private static final List<String> OUTBOX_COLLECTIONS = List.of("grants", "measures", "contributions", "reports");

    private final String bootstrapServers;
    private final MongoTemplate mongo;

    public ProgramEvents(String bootstrapServers, MongoTemplate mongo) {
        this.bootstrapServers = bootstrapServers;
        this.mongo = mongo;
    }

    /** Every record about {@code siteId}, in offset order, once nothing is pending in any outbox. */
    public List<ConsumerRecord<String, byte[]>> about(String siteId) {
        awaitRelayed();
        return TopicReader.readToEnd(bootstrapServers, Topics.PROGRAMS, Duration.ofSeconds(10)).stream()
                .filter(r -> siteId.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    public List<String> typesAbout(String siteId) {
        return about(siteId).stream().map(r -> CloudEventsKafka.typeOf(r.headers()).orElse("?")).toList();
    }

    public <T> List<T> all(String siteId, EventType<T> type) {
        return about(siteId).stream().filter(r -> type.name().equals(CloudEventsKafka.typeOf(r.headers()).orElse(null)))
                .map(r -> CloudEventsKafka.fromRecord(r).dataAs(type)).toList();
    }

    public void awaitRelayed() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> OUTBOX_COLLECTIONS.stream()
                        .noneMatch(c -> mongo.exists(query(where("pendingEventIds.0").exists(true)), c)));
    }
}
