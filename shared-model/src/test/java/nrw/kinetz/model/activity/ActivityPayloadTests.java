package nrw.kinetz.model.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.EventTypes;

class ActivityPayloadTests {

    private static final UUID ID = UUID.fromString("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    private static final SiteId SOEST = SiteId.of("05974");

    private static ActivityReported reported(Program program, Program.Block block) {
        return new ActivityReported(ID, SOEST, LocalDate.of(2025, 11, 3), Field.QUERSCHNITT, FocusArea.EHRENAMT,
                ActivityType.EHRENAMT_BEGLEITUNG, program, block, null, new ActivityMetrics(14, 6, 2, 5), null);
    }

    @Test
    void reportTravelsAsCloudEventKeyedBySiteAndReadsBack() {
        var event = EventEnvelope.of(ID, EventSource.site(SOEST), ActivityEventTypes.REPORTED, SOEST.value(),
                reported(Program.KOMM_AN_II, Program.Block.C));

        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);
        var back = CloudEventsKafka.fromRecord(new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value()) {
            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return record.headers();
            }
        });

        assertThat(record.topic()).isEqualTo("ki.activities.v1");
        assertThat(record.key()).isEqualTo("05974");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"activityId\":\"" + ID + "\"", "\"occurredOn\":\"2025-11-03\"", "\"block\":\"C\"",
                        "\"metrics\":{\"participants\":14,\"volunteers\":6,\"sessions\":2,\"hours\":5}")
                .doesNotContain("measureId", "note");
        assertThat(back).isEqualTo(event);
        assertThat(EventTypes.byName("nrw.ki.activity.retracted.v1")).contains(ActivityEventTypes.RETRACTED);
        assertThat(ActivityEventTypes.RETRACTED.schemaName()).isEqualTo("activity-retracted.v1");
    }

    @Test
    void retractionRepeatsEverythingItReverses() {
        ActivityReported report = reported(Program.KOMM_AN_II, Program.Block.C);

        ActivityRetracted retraction = ActivityRetracted.of(report, "Tippfehler");

        assertThat(retraction.activityId()).isEqualTo(ID);
        assertThat(retraction.siteId()).isEqualTo(SOEST);
        assertThat(retraction.occurredOn()).isEqualTo(report.occurredOn());
        assertThat(retraction.focusArea()).isEqualTo(FocusArea.EHRENAMT);
        assertThat(retraction.block()).isEqualTo(Program.Block.C);
        assertThat(retraction.metrics()).isEqualTo(report.metrics());
        assertThat(retraction.reason()).isEqualTo("Tippfehler");
    }

    @Test
    void contradictingCodesAreRefused() {
        assertThatThrownBy(() -> new ActivityReported(ID, SOEST, LocalDate.of(2025, 11, 3), Field.BILDUNG,
                FocusArea.EHRENAMT, ActivityType.BERATUNG, null, null, null, new ActivityMetrics(1, 0, 1, 1), null))
                .hasMessageContaining("focus area EHRENAMT belongs to field QUERSCHNITT");
        assertThatThrownBy(() -> reported(null, Program.Block.A)).hasMessageContaining("block A needs its program");
        assertThatThrownBy(() -> reported(Program.KIM, Program.Block.A)).hasMessageContaining("KIM has no blocks");
        assertThatThrownBy(() -> new ActivityMetrics(-1, 0, 0, 0)).hasMessageContaining("participants must be ≥ 0");
    }
}
