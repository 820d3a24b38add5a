package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The published topic description must name every topic and event type the code knows, and its schemas. */
class AsyncApiDocumentTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    @Test
    void asyncApiDocumentDescribesEveryEventTypeWithItsSchemaFile() throws Exception {
        String document = Files.readString(DOCUMENT);

        for (EventType<?> type : EventTypes.all()) {
            assertThat(document).as("docs/asyncapi.yaml names %s", type).contains("name: " + type.name());
            assertThat(document).contains("nrw/kinetz/model/schemas/" + type.schemaName() + ".json");
            assertThat(document).contains("address: " + type.topic());
        }
    }

    @Test
    void asyncApiDocumentDescribesTheDeadLetterTopics() throws Exception {
        String document = Files.readString(DOCUMENT);

        for (EventType<?> type : EventTypes.all()) {
            assertThat(document).contains("address: " + Topics.deadLetter(type.topic()));
        }
    }
}
