package nrw.kinetz.programs.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameBasedIdsTests {

    @Test
    void idsAreTheJdksNameBasedIdsOfTheSameText() {
        for (String name : new String[] {"", "indicator-progressed/" + UUID.randomUUID(), "Förderprogramm ÄÖÜ €"}) {
            assertThat(NameBasedIds.of(name)).isEqualTo(jdk(name));
        }
    }

    @Test
    void anIdAfterAPrefixGivesTheIdOfTheirText() {
        byte[] prefix = "indicator-progressed/".getBytes(StandardCharsets.UTF_8);
        for (UUID id : List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), UUID.fromString("00000000-0000-0001-0000-00000000000a"),
                UUID.nameUUIDFromBytes(new byte[] {1}))) {
            assertThat(NameBasedIds.of(prefix, id)).as(id.toString()).isEqualTo(jdk("indicator-progressed/" + id));
        }
    }

    @Test
    void partsGiveTheIdOfTheirJoinedText() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<String> longer = List.of("x".repeat(200), "y", "");
        for (List<String> parts : List.<List<String>>of(ids, List.of(), List.of("one"), longer, List.of("a", "Förder €", "b"))) {
            assertThat(NameBasedIds.ofJoined(parts, '/')).isEqualTo(jdk(String.join("/", parts)));
        }
    }

    private static UUID jdk(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
