package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.event.EventSource;

class ReportJsonTests {

    /** Texts a report may carry: plain, non-ASCII, and every kind JSON must escape or UTF-8 must pair. */
    private static final String[] TEXTS = {null, "Erstberatung", "Größe & Maß – „Zitat“ ✓", "Zeile\nzwei\ttab\r",
            "\"zitiert\" und \\Rückstrich\\", "steuer\u0001\u001f\u007f", "Emoji 😀 Ende", "/pfad/zu</script>", "\u2028\u2029",
            "halbes \ud83d Paar", "nul\u0000byte", ""};

    @Test
    void writesTheSameBytesAsTheEventMappingForEveryKindOfReport() {
        Random random = new Random(16);
        for (ActivityReported report : reports(random, 2_000)) {
            assertThat(new String(ReportJson.of(report), StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventJson.mapper().writeValueAsBytes(report), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theIntakesRecordEqualsTheEnvelopesRecord() {
        Random random = new Random(17);
        OffsetDateTime time = OffsetDateTime.of(2026, 12, 5, 11, 20, 3, 120_000_000, ZoneOffset.UTC);
        for (ActivityReported report : reports(random, 50)) {
            ProducerRecord<String, byte[]> expected = CloudEventsKafka.toRecord(new EventEnvelope<>(report.activityId(),
                    EventSource.site(report.siteId()), ActivityEventTypes.REPORTED, time, report.siteId().value(), report));

            ProducerRecord<String, byte[]> record = ReportPublisher.record(report, time.toString());

            assertThat(record.topic()).isEqualTo(expected.topic());
            assertThat(record.key()).isEqualTo(expected.key());
            assertThat(record.value()).isEqualTo(expected.value());
            assertThat(headers(record)).isEqualTo(headers(expected));
            assertThat(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TIME)).contains("2026-12-05T11:20:03.120Z");
        }
    }

    private static List<String> headers(ProducerRecord<String, byte[]> record) {
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    static List<ActivityReported> reports(Random random, int count) {
        List<ActivityReported> reports = new ArrayList<>();
        FocusArea[] areas = FocusArea.values();
        ActivityType[] types = ActivityType.values();
        for (int i = 0; i < count; i++) {
            FocusArea area = areas[random.nextInt(areas.length)];
            Program program = random.nextInt(3) == 0 ? null : Program.values()[random.nextInt(Program.values().length)];
            Program.Block block = program == Program.KOMM_AN_II && random.nextBoolean()
                    ? Program.Block.values()[random.nextInt(Program.Block.values().length)] : null;
            String measure = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "M-" + random.nextInt(1000)
                    : nonBlank(TEXTS[random.nextInt(TEXTS.length)]);
            reports.add(new ActivityReported(UUID.randomUUID(), SiteId.of(random.nextBoolean() ? "05974" : "05315"),
                    LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000)), area.field(), area,
                    types[random.nextInt(types.length)], program, block, measure,
                    new ActivityMetrics(random.nextInt(1000), random.nextInt(50), random.nextInt(20), random.nextInt(Integer.MAX_VALUE)),
                    TEXTS[random.nextInt(TEXTS.length)]));
        }
        return reports;
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? "M" : text;
    }
}
