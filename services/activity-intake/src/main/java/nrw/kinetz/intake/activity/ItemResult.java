package nrw.kinetz.intake.activity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import nrw.kinetz.infra.web.ProblemError;

/**
 * What became of one activity report of a request.
 *
 * @param index  position in the body, from 0
 * @param line   the line it started on, for NDJSON and CSV bodies
 * @param id     the activity id (for CSV rows without one, the derived id), if it could be read
 * @param status accepted, duplicate, rejected, or — in a dry run — valid
 * @param errors every reason for a rejection, with a JSON Pointer or a line number
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ItemResult(int index, Integer line, UUID id, Status status, List<ProblemError> errors) {

    enum Status {
        /** Published to {@code ki.activities.v1}; Kafka acknowledged it. */
        ACCEPTED,
        /** The same id with the same content was accepted before: counted once, not published again. */
        DUPLICATE,
        /** Not published; {@code errors} says why. */
        REJECTED,
        /** Dry run: would be accepted. */
        VALID;

        @JsonValue
        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ItemResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
