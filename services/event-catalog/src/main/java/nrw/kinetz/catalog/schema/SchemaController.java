package nrw.kinetz.catalog.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.catalog.CatalogEventTypes;

/**
 * Serves the JSON Schema of every event type this service produces at {@code /api/v1/schemas/<type>.json}
 *; {@code ce_dataschema} names it as {@code urn:nrw-ki:schema:<type>}.
 */
@RestController
class SchemaController {

    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping("/api/v1/schemas/{file}")
    ResponseEntity<byte[]> schema(@PathVariable String file) {
        String name = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        EventType<?> type = CatalogEventTypes.ALL.stream().filter(t -> t.schemaName().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("No schema " + file + " here; event-catalog publishes "
                        + String.join(", ", CatalogEventTypes.ALL.stream().map(t -> t.schemaName() + ".json").toList())));
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + type.schemaResource() + " is missing");
            }
            return ResponseEntity.ok().contentType(SCHEMA_JSON).body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
