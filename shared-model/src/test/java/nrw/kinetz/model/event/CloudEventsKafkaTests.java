package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.SiteRegistered;

class CloudEventsKafkaTests {

    private static final SiteRegistered SOEST = new SiteRegistered(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS,
            Regierungsbezirk.ARNSBERG, DistrictKey.of("05974"), 301_902, SiteStatus.ESTABLISHED, LocalDate.of(2013, 6, 1));

    private final EventEnvelope<SiteRegistered> event = EventEnvelope.of(UUID.randomUUID(),
            EventSource.service("site-registry"), SiteEventTypes.REGISTERED, "05974", SOEST);

    @Test
    void recordCarriesTheContextAttributesAsCeHeadersAndIsKeyedBySubject() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);

        assertThat(record.topic()).isEqualTo("ki.sites.v1");
        assertThat(record.key()).isEqualTo("05974");
        assertThat(CloudEventsKafka.header(record.headers(), "ce_specversion")).contains("1.0");
        assertThat(CloudEventsKafka.header(record.headers(), "ce_id")).contains(event.id().toString());
        assertThat(CloudEventsKafka.header(record.headers(), "ce_source")).contains("/services/site-registry");
        assertThat(CloudEventsKafka.header(record.headers(), "ce_type")).contains("nrw.ki.site.registered.v1");
        assertThat(CloudEventsKafka.header(record.headers(), "ce_subject")).contains("05974");
        assertThat(CloudEventsKafka.header(record.headers(), "ce_dataschema")).contains("urn:nrw-ki:schema:site-registered.v1");
        assertThat(CloudEventsKafka.header(record.headers(), "content-type")).contains("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"siteId\":\"05974\"", "\"statusSince\":\"2013-06-01\"", "\"regierungsbezirk\":\"ARNSBERG\"");
    }

    @Test
    void recordReadsBackIntoAnEqualEnvelope() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);

        EventEnvelope<?> back = CloudEventsKafka.fromRecord(consumed(record));

        assertThat(back).isEqualTo(event);
        assertThat(back.dataAs(SiteEventTypes.REGISTERED).population()).isEqualTo(301_902);
    }

    @Test
    void theCloudEventsSdkAloneReadsTheRecord() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);

        try (var deserializer = new CloudEventDeserializer()) {
            CloudEvent ce = deserializer.deserialize(record.topic(), record.headers(), record.value());

            assertThat(ce.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(ce.getId()).isEqualTo(event.id().toString());
            assertThat(ce.getType()).isEqualTo("nrw.ki.site.registered.v1");
            assertThat(ce.getSource()).hasToString("/services/site-registry");
            assertThat(ce.getSubject()).isEqualTo("05974");
            assertThat(ce.getDataSchema()).hasToString("urn:nrw-ki:schema:site-registered.v1");
            assertThat(ce.getDataContentType()).isEqualTo("application/json");
            assertThat(ce.getTime()).isEqualTo(event.time());
            assertThat(new String(ce.getData().toBytes(), StandardCharsets.UTF_8)).contains("Kreis Soest");
        }
    }

    @Test
    void ceTimeReadsTheWrittenFormAndEveryOtherRfc3339FormToTheSameInstant() {
        assertThat(CloudEventsKafka.time("2025-03-14T09:26:53.589Z"))
                .isEqualTo(OffsetDateTime.parse("2025-03-14T09:26:53.589Z"));
        assertThat(CloudEventsKafka.time("2025-03-14T09:26:00.000Z")).isEqualTo(OffsetDateTime.parse("2025-03-14T09:26Z"));
        assertThat(CloudEventsKafka.time("2025-03-14T10:26:53.589+01:00"))
                .isEqualTo(OffsetDateTime.parse("2025-03-14T10:26:53.589+01:00"));
        assertThat(CloudEventsKafka.time("2025-03-14T09:26:53.589123Z").getNano()).isEqualTo(589_123_000);
        assertThat(CloudEventsKafka.time("2025-03-14T09:26Z")).isEqualTo(OffsetDateTime.parse("2025-03-14T09:26Z"));
        OffsetDateTime wholeSecond = OffsetDateTime.parse("2025-03-14T09:26:53Z");
        assertThat(CloudEventsKafka.time(wholeSecond.toString())).isEqualTo(wholeSecond);
    }

    @Test
    void ceTimeOfTheWrittenLengthWithABadFieldIsRefused() {
        assertThatThrownBy(() -> CloudEventsKafka.time("2025-13-14T09:26:53.589Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CloudEventsKafka.time("2025-03-1xT09:26:53.589Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CloudEventsKafka.time("2025-02-30T09:26:53.589Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CloudEventsKafka.time("2025-13-14T09:26:53Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CloudEventsKafka.time("2025-03-14T24:26:53Z")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void recordWithABadCeTimeIsMalformed() {
        ProducerRecord<String, byte[]> produced = CloudEventsKafka.toRecord(event);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, 7L, produced.key(), produced.value());
        produced.headers().forEach(header -> record.headers().add(header.key(),
                header.key().equals(CloudEventsKafka.TIME) ? "2025-02-30T09:26:53.589Z".getBytes(StandardCharsets.UTF_8) : header.value()));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("-0@7").hasMessageContaining("ce_time");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsMalformed() {
        var record = new ConsumerRecord<String, byte[]>("ki.sites.v1", 0, 7, "05974", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ki.sites.v1-0@7")
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void recordOfAnUnknownTypeIsMalformed() {
        var record = consumed(CloudEventsKafka.toRecord(event));
        record.headers().remove("ce_type");
        record.headers().add("ce_type", "nrw.ki.site.vanished.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown ce_type nrw.ki.site.vanished.v1");
    }

    @Test
    void payloadThatDoesNotFitTheTypeIsMalformed() {
        var produced = CloudEventsKafka.toRecord(event);
        var record = new ConsumerRecord<>(produced.topic(), 0, 1, produced.key(),
                "{\"siteId\":\"12345\"}".getBytes(StandardCharsets.UTF_8));
        produced.headers().forEach(h -> record.headers().add(h));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not a valid nrw.ki.site.registered.v1");
    }

    @Test
    void unknownPayloadPropertiesAreIgnoredSoAdditiveChangesDoNotBreakConsumers() {
        var produced = CloudEventsKafka.toRecord(event);
        String json = new String(produced.value(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedLater\":42,");
        var record = new ConsumerRecord<>(produced.topic(), 0, 1, produced.key(), json.getBytes(StandardCharsets.UTF_8));
        produced.headers().forEach(h -> record.headers().add(h));

        assertThat(CloudEventsKafka.fromRecord(record).data()).isEqualTo(SOEST);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void envelopeRefusesAPayloadOfAnotherTypeEvenWhenGenericsAreBypassed() {
        EventType wrong = SiteEventTypes.STATUS_CHANGED;
        assertThatThrownBy(() -> EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"),
                wrong, "05974", SOEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SiteStatusChanged");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        var record = new ConsumerRecord<>(produced.topic(), 0, 0, produced.key(), produced.value());
        produced.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
