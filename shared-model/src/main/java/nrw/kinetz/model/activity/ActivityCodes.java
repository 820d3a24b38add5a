package nrw.kinetz.model.activity;

import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;

/** The cross-field rules both activity payloads share, so that a report and its retraction agree on them. */
final class ActivityCodes {

    private ActivityCodes() {
    }

    static void requireConsistent(Field field, FocusArea focusArea, Program program, Program.Block block, String measureId) {
        if (focusArea.field() != field) {
            throw new IllegalArgumentException("focus area " + focusArea + " belongs to field " + focusArea.field()
                    + ", not " + field);
        }
        if (block != null) {
            if (program == null) {
                throw new IllegalArgumentException("block " + block + " needs its program");
            }
            program.checkBlock(block.name());
        }
        if (measureId != null && (measureId.isBlank() || measureId.length() > ActivityReported.MAX_MEASURE_ID_LENGTH)) {
            throw new IllegalArgumentException("measureId must have 1 to " + ActivityReported.MAX_MEASURE_ID_LENGTH
                    + " characters");
        }
    }
}
