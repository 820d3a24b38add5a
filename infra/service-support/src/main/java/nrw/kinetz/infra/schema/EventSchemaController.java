package nrw.kinetz.infra.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.model.event.EventType;

/**
 * Serves the JSON Schemas of the events the service produces, straight from shared-model, so the served
 * schema and the contract cannot drift. Answers {@code application/schema+json} with a strong ETag and
 * {@code Cache-Control: no-cache} (a client revalidates and gets 304 while the schema is unchanged; a
 * release can change it); a schema the service does not publish is a 404 problem naming those it does.
 */
@RestController
class EventSchemaController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final Map<String, EventType<?>> types = new LinkedHashMap<>();

    EventSchemaController(List<ProducedEvents> produced) {
        produced.forEach(events -> events.types().forEach(type -> types.put(type.schemaName(), type)));
    }

    @Operation(summary = "JSON Schema of an event this service publishes",
            description = "The ce_dataschema of each record (urn:nrw-ki:schema:<schemaName>) names its schema.")
    @GetMapping(path = "/api/v1/schemas/{schemaName}.json", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> schema(@PathVariable String schemaName, WebRequest request) {
        EventType<?> type = types.get(schemaName);
        if (type == null) {
            throw ApiProblemException.notFound("This service publishes no events of schema '" + schemaName
                    + "'; it publishes " + types.keySet().stream().map(name -> name + ".json").toList() + ".");
        }
        byte[] schema = read(type);
        String etag = "\"" + DigestUtils.md5DigestAsHex(schema) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok().contentType(SCHEMA_JSON).eTag(etag).cacheControl(CacheControl.noCache()).body(schema);
    }

    private static byte[] read(EventType<?> type) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + type.schemaResource() + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
