package nrw.kinetz.programs.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameBasedIdsTests {

    @Test
    void idsAreTheJdksNameBasedIdsOfTheSameText() {
        for (String name : new String[] {"", "indicator-progressed/" + UUID.randomUUID(), "Förderprogramm ÄÖÜ €"}) {
            assertThat(NameBasedIds.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
