package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.site.SiteEventTypes;

import tools.jackson.databind.JsonNode;

class EventTypeTests {

    @Test
    void schemaNameJoinsContextAndFactAndKeepsTheVersion() {
        assertThat(SiteEventTypes.REGISTERED.schemaName()).isEqualTo("site-registered.v1");
        assertThat(SiteEventTypes.STATUS_CHANGED.schemaName()).isEqualTo("site-status-changed.v1");
        assertThat(SiteEventTypes.STATUS_CHANGED.dataschema()).hasToString("urn:nrw-ki:schema:site-status-changed.v1");
    }

    @Test
    void namesThatBreakTheConventionAreRefused() {
        assertThatThrownBy(() -> EventType.of("nrw.ki.site.SiteRegistered", String.class, Topics.SITES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("site.registered.v1", String.class, Topics.SITES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("nrw.ki.site.registered.v0", String.class, Topics.SITES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventTypeHasAPublishedJsonSchemaWithItsUrn() throws Exception {
        for (EventType<?> type : EventTypes.all()) {
            try (var in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
                assertThat(in).as("schema of %s", type).isNotNull();
                JsonNode schema = EventJson.mapper().readTree(in);
                assertThat(schema.get("$id").asString()).isEqualTo(type.dataschema().toString());
            }
        }
    }

    @Test
    void typesAreFoundByNameAndBySchemaName() {
        assertThat(EventTypes.byName("nrw.ki.site.registered.v1")).contains(SiteEventTypes.REGISTERED);
        assertThat(EventTypes.bySchemaName("site-registered.v1")).contains(SiteEventTypes.REGISTERED);
        assertThat(EventTypes.byName("nrw.ki.site.vanished.v1")).isEmpty();
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetter(Topics.SITES)).isEqualTo("ki.sites.v1.dlt");
        assertThat(Topics.isDeadLetter("ki.sites.v1.dlt")).isTrue();
        assertThat(Topics.isDeadLetter(Topics.SITES)).isFalse();
    }
}
