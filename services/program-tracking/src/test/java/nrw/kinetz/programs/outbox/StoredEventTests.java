package nrw.kinetz.programs.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.ProgramEventTypes;

class StoredEventTests {

    private final Announcer announcer = new Announcer(Clock.fixed(Instant.parse("2026-03-14T09:26:53.589Z"), ZoneOffset.UTC));

    @Test
    void theRecordOfAStoredEventIsTheRecordOfTheEventItself() {
        SiteId site = SiteId.of("05974");
        var event = announcer.announce(site, ProgramEventTypes.INDICATOR_PROGRESSED, new IndicatorProgressed(site,
                Program.KOMM_AN_II, Program.Block.A, 2026, "KA2-2026-001", UUID.randomUUID(), false,
                Map.of(Indicator.VISITS, 12L)), UUID.randomUUID());

        ProducerRecord<String, byte[]> stored = StoredEvent.of(event).toRecord();
        ProducerRecord<String, byte[]> direct = CloudEventsKafka.toRecord(event);

        assertThat(stored.topic()).isEqualTo(direct.topic());
        assertThat(stored.key()).isEqualTo(direct.key());
        assertThat(stored.value()).isEqualTo(direct.value());
        assertThat(stored.headers().toArray()).extracting(Header::key)
                .containsExactly(Arrays.stream(direct.headers().toArray()).map(Header::key).toArray(String[]::new));
        for (Header header : direct.headers()) {
            assertThat(stored.headers().lastHeader(header.key()).value()).as(header.key()).isEqualTo(header.value());
        }
        assertThat(StoredEvent.of(event).id()).isEqualTo(event.id());
    }
}
