package nrw.kinetz.programs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.TopicReader;

/** What the service published on {@code ki.programs.v1}, read like an outside consumer would. */
public final class ProgramEvents {

    private static final List<String> OUTBOX_COLLECTIONS = List.of("grants", "measures", "contributions", "indicator_announcements", "reports");

    private final String bootstrapServers;
    private final MongoTemplate mongo;

    public ProgramEvents(String bootstrapServers, MongoTemplate mongo) {
        this.bootstrapServers = bootstrapServers;
        this.mongo = mongo;
    }

    /**
     * Every record about {@code siteId}, in offset order, once nothing is pending in any outbox; a record whose
     * {@code ce_id} came before is left out, as every consumer counts an id once (a replay re-announces with the
     * same ids).
     */
    public List<ConsumerRecord<String, byte[]>> about(String siteId) {
        awaitRelayed();
        Set<String> seen = new HashSet<>();
        return TopicReader.readToEnd(bootstrapServers, Topics.PROGRAMS, Duration.ofSeconds(10)).stream()
                .filter(r -> siteId.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .filter(r -> seen.add(CloudEventsKafka.fromRecord(r).id().toString()))
                .toList();
    }

    /**
     * The records about {@code siteId} whose payload mentions {@code id} (a grant or report id): other tests and
     * the seeding test publish about the same sites on the same broker.
     */
    public List<ConsumerRecord<String, byte[]>> about(String siteId, String id) {
        return about(siteId).stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(id)).toList();
    }

    public List<String> typesAbout(String siteId, String id) {
        return about(siteId, id).stream().map(r -> CloudEventsKafka.typeOf(r.headers()).orElse("?")).toList();
    }

    public <T> List<T> all(String siteId, String id, EventType<T> type) {
        return about(siteId, id).stream().filter(r -> type.name().equals(CloudEventsKafka.typeOf(r.headers()).orElse(null)))
                .map(r -> CloudEventsKafka.fromRecord(r).dataAs(type)).toList();
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
