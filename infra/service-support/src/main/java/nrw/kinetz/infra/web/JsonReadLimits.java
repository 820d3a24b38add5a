package nrw.kinetz.infra.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * How much JSON any service reads in one document: no request of ours nests deeper than a handful of levels, has a
 * text of more than a few thousand characters or a number of more than a few dozen digits, so a document that does is
 * refused while it is parsed (400) instead of costing memory and CPU. The shared {@code JsonMapper} and every mapper
 * a service builds for requests use these.
 */
public final class JsonReadLimits {

    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;

    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    private JsonReadLimits() {
    }

    /** A JSON factory that enforces the limits, to build a {@code JsonMapper} on. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }
}
