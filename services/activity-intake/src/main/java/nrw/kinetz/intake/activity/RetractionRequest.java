package nrw.kinetz.intake.activity;

import jakarta.validation.constraints.Size;

/**
 * The optional body of a retraction.
 *
 * @param reason why the activity is withdrawn, e.g. "Teilnehmerzahl falsch erfasst"; at most 500 characters
 */
record RetractionRequest(@Size(max = 500, message = "at most 500 characters") String reason) {
}
