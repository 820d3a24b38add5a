package nrw.kinetz.catalog.offering.domain;

/** An offering would break one of its rules; {@code path} is the JSON pointer of the offending field, without "/". */
public final class OfferingRuleViolation extends RuntimeException {

    private final String path;

    public OfferingRuleViolation(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
