package nrw.kinetz.intake.schema;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.event.EventType;

/**
 * Serves the JSON Schemas of the events this service produces (docs/architecture.md#events: the producer serves
 * {@code /api/v1/schemas/<type>.json}), straight from the contract module so they cannot drift.
 */
@RestController
class SchemaController {

    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @Operation(summary = "JSON Schema of an event this service publishes",
            description = "activity-reported.v1 or activity-retracted.v1; the ce_dataschema of each record names it")
    @GetMapping(path = "/api/v1/schemas/{schemaName}.json", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> schema(@PathVariable String schemaName) throws IOException {
        EventType<?> type = ActivityEventTypes.ALL.stream().filter(t -> t.schemaName().equals(schemaName)).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("This service publishes no events of schema '" + schemaName
                        + "'; it publishes " + ActivityEventTypes.ALL.stream().map(EventType::schemaName).toList() + "."));
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + type.schemaResource() + " is missing");
            }
            return ResponseEntity.ok().contentType(SCHEMA_JSON).cacheControl(CacheControl.noCache()).body(in.readAllBytes());
        }
    }
}
