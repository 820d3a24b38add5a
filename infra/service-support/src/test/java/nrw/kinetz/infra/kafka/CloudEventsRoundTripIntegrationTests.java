package nrw.kinetz.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import nrw.kinetz.infra.testapp.SiteEventsListener;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.infra.trace.RecordTraces;
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

    @Autowired
    Tracer tracer;

    @Autowired
    RecordTraces recordTraces;

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
    void theRecordCarriesThePublishersTraceAsW3cTraceparentAndARecordListenerContinuesIt(TestInfrastructure infrastructure) {
        UUID id = UUID.randomUUID();
        String traceId = publishInANewTrace(id, "05966");

        var record = recordWithId(infrastructure, id);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        assertThat(listener.traceIdOf(id)).isEqualTo(traceId);
    }

    @Test
    void workForOneRecordOfABatchContinuesThatRecordsTrace(TestInfrastructure infrastructure) {
        UUID id = UUID.randomUUID();
        String traceId = publishInANewTrace(id, "05974");
        var record = recordWithId(infrastructure, id);

        String inWork = recordTraces.inTraceOf(record, "test batch record", () -> MDC.get("traceId"));

        assertThat(inWork).isEqualTo(traceId);
        assertThat(MDC.get("traceId")).as("the trace ends with the work").isNull();
    }

    private static ConsumerRecord<String, byte[]> recordWithId(TestInfrastructure infrastructure, UUID id) {
        return TopicReader.read(infrastructure.kafkaBootstrapServers(), Topics.SITES,
                r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8).equals(id.toString()), 1,
                Duration.ofSeconds(20)).get(0);
    }

    /** Publishes a site event in a trace of its own, as a request would; returns the trace id. */
    private String publishInANewTrace(UUID id, String site) {
        Span request = tracer.nextSpan().name("test request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            publisher.publishAndWait(EventEnvelope.of(id, EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                    site, new SiteRegistered(SiteId.of(site), "Kreis Olpe", TerritoryKind.KREIS,
                            Regierungsbezirk.ARNSBERG, DistrictKey.of(site), 134_775, SiteStatus.FUNDED,
                            LocalDate.of(2012, 9, 1))));
        } finally {
            request.end();
        }
        return request.context().traceId();
    }
}
