package nrw.kinetz.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.infra.testapp.SiteEventsListener;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TopicReader;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

@SpringBootTest(classes = TestApplication.class)
@WithKiNetzInfrastructure
class DeadLetterIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Autowired
    EventPublisher publisher;

    @Autowired
    SiteEventsListener listener;

    @Test
    void poisonRecordLandsInTheDeadLetterTopicWithTheReasonAndTheListenerGoesOn(TestInfrastructure infrastructure)
            throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        template.send(new ProducerRecord<>(Topics.SITES, "05158", marker.getBytes(StandardCharsets.UTF_8))).get();
        UUID goodId = UUID.randomUUID();
        publisher.publishAndWait(EventEnvelope.of(goodId, EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                "05158", new SiteRegistered(SiteId.of("05158"), "Kreis Mettmann", TerritoryKind.KREIS,
                        Regierungsbezirk.DUESSELDORF, DistrictKey.of("05158"), 485_684, SiteStatus.ESTABLISHED,
                        LocalDate.of(2013, 1, 1))));

        var deadLetters = TopicReader.read(infrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.SITES),
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker), 1, Duration.ofSeconds(30));

        assertThat(deadLetters).hasSize(1);
        var headers = deadLetters.get(0).headers();
        assertThat(new String(headers.lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("missing header ce_specversion");
        assertThat(new String(headers.lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.SITES);
        assertThat(deadLetters.get(0).key()).isEqualTo("05158");
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(goodId));
    }
}
