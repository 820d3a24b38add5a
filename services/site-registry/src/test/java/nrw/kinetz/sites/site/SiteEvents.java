package nrw.kinetz.sites.site;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.TopicReader;

/** What the registry published on {@code ki.sites.v1}, read like an outside consumer would. */
final class SiteEvents {

    private final String bootstrapServers;
    private final SiteStore store;

    SiteEvents(String bootstrapServers, SiteStore store) {
        this.bootstrapServers = bootstrapServers;
        this.store = store;
    }

    /**
     * Every record about {@code siteId} on the topic, in offset order, once the relay has nothing pending:
     * what is not there then was never going to be published.
     */
    List<ConsumerRecord<String, byte[]>> about(String siteId) {
        awaitRelayed();
        return TopicReader.readToEnd(bootstrapServers, Topics.SITES, Duration.ofSeconds(10)).stream()
                .filter(r -> siteId.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    List<String> typesAbout(String siteId) {
        return about(siteId).stream().map(r -> CloudEventsKafka.typeOf(r.headers()).orElse("?")).toList();
    }

    /** The payload of the last record of {@code type} about the site, as the contract reads it. */
    <T> T last(String siteId, EventType<T> type) {
        List<ConsumerRecord<String, byte[]>> records = about(siteId).stream()
                .filter(r -> type.name().equals(CloudEventsKafka.typeOf(r.headers()).orElse(null))).toList();
        if (records.isEmpty()) {
            throw new AssertionError("no " + type + " about " + siteId + " on " + Topics.SITES);
        }
        return CloudEventsKafka.fromRecord(records.get(records.size() - 1)).dataAs(type);
    }

    void awaitRelayed() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.pending(1).isEmpty());
    }
}
