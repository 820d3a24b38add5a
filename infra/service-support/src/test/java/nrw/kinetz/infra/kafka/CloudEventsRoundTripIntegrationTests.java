package nrw.kinetz.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nrw.kinetz.infra.testapp.SiteEventsListener;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.infra.trace.TraceContext;
import nrw.kinetz.infra.trace.Traceparent;
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
class CloudEventsRoundTripIntegrationTests {

    @Autowired
    EventPublisher publisher;

    @Autowired
    SiteEventsListener listener;

    @Test
    void publishedEventIsReadBackThroughTheBrokerWithTheCloudEventsSdkAlone(TestInfrastructure infrastructure) {
        var event = EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                "05970", new SiteRegistered(SiteId.of("05970"), "Kreis Siegen-Wittgenstein", TerritoryKind.KREIS,
                        Regierungsbezirk.ARNSBERG, DistrictKey.of("05970"), 277_882, SiteStatus.ESTABLISHED,
                        LocalDate.of(2013, 3, 1)));

        publisher.publishAndWait(event);

        var records = TopicReader.read(infrastructure.kafkaBootstrapServers(), Topics.SITES,
                r -> r.key().equals("05970") && new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)
                        .equals(event.id().toString()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        try (var sdk = new CloudEventDeserializer()) {
            CloudEvent ce = sdk.deserialize(Topics.SITES, records.get(0).headers(), records.get(0).value());
            assertThat(ce.getId()).isEqualTo(event.id().toString());
            assertThat(ce.getType()).isEqualTo("nrw.ki.site.registered.v1");
            assertThat(ce.getSource()).hasToString("/services/site-registry");
            assertThat(ce.getSubject()).isEqualTo("05970");
            assertThat(ce.getDataSchema()).hasToString("urn:nrw-ki:schema:site-registered.v1");
            assertThat(new String(ce.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"name\":\"Kreis Siegen-Wittgenstein\"");
        }
        assertThat(records.get(0).headers().lastHeader("traceparent")).isNotNull();
    }

    @Test
    void consumerContinuesThePublishersTrace() {
        Traceparent request = Traceparent.start();
        TraceContext.set(request);
        UUID id = UUID.randomUUID();
        try {
            publisher.publishAndWait(EventEnvelope.of(id, EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                    "05966", new SiteRegistered(SiteId.of("05966"), "Kreis Olpe", TerritoryKind.KREIS,
                            Regierungsbezirk.ARNSBERG, DistrictKey.of("05966"), 134_775, SiteStatus.FUNDED,
                            LocalDate.of(2012, 9, 1))));
        } finally {
            TraceContext.clear();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        assertThat(listener.traceIdOf(id)).isEqualTo(request.traceId());
    }
}
