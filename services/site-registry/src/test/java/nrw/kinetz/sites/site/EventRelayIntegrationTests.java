package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.sites.site.domain.Outcome;
import nrw.kinetz.sites.site.domain.Site;
import nrw.kinetz.sites.site.domain.SiteIdentity;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * No dual write (docs/architecture.md#outbox): what a crash leaves behind in the store is published afterwards, and an
 * event published twice carries the same {@code ce_id} both times.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class EventRelayIntegrationTests {

    @Autowired
    MeterRegistry relayMeters;

    @Autowired
    SiteStore store;

    @Autowired
    SiteService service;

    @Autowired
    MongoTemplate mongo;

    private SiteEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        events = new SiteEvents(infrastructure.kafkaBootstrapServers(), store);
    }

    @Test
    void eventsStoredRightBeforeACrashArePublishedByThePollAfterwards() {
        // What a crash between saving and publishing leaves: the change and its events stored, the relay never told.
        List<EventEnvelope<?>> stored = storeWithoutTellingTheRelay("05390");

        List<ConsumerRecord<String, byte[]>> published = events.about("05390");

        assertThat(published).extracting(r -> CloudEventsKafka.fromRecord(r).id())
                .containsExactlyElementsOf(stored.stream().map(EventEnvelope::id).toList());
    }

    @Test
    void anEventPublishedAgainAfterACrashBeforeItWasMarkedKeepsItsCeId() {
        List<EventEnvelope<?>> stored = storeWithoutTellingTheRelay("05391");
        events.awaitRelayed();
        UUID registered = stored.get(0).id();

        // A crash after Kafka acknowledged but before the event was marked published: it is pending again.
        mongo.updateFirst(query(where("_id").is("05391")), new Update().push(SiteDocument.PENDING, registered.toString()),
                MongoSiteStore.COLLECTION);

        List<UUID> ids = events.about("05391").stream().map(r -> CloudEventsKafka.fromRecord(r).id()).toList();
        assertThat(ids).containsExactly(registered, stored.get(1).id(), registered);
        assertThat(store.pending(100)).noneMatch(p -> p.siteId().value().equals("05391"));
    }

    private List<EventEnvelope<?>> storeWithoutTellingTheRelay(String siteId) {
        Outcome outcome = Site.register(new SiteIdentity(SiteId.of(siteId), "Testkreis " + siteId, TerritoryKind.KREIS, 1000),
                SiteStatus.DECIDED, LocalDate.of(2024, 1, 10), service.today());
        List<EventEnvelope<?>> stored = service.announce(outcome, UUID::randomUUID);
        assertThat(store.insert(outcome.site(), stored)).isTrue();
        return stored;
    }

    @Test
    void theRelayBacklogOfSiteEventsIsAGaugeThatFallsToZeroOnceEverythingIsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                relayMeters.get(RelayBacklog.METER).tag("relay", "site-events").gauge().value()).isZero());
    }
}
