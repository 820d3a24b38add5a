package nrw.kinetz.programs.domain;

/**
 * A command broke a rule about its input (an amount of zero, a date in the future, a block the programme does
 * not have): the request is bad and answered with 400, pointing at {@link #path()}.
 */
public class RuleViolation extends RuntimeException {

    private final String path;

    public RuleViolation(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The request field at fault, e.g. {@code amount}. */
    public String path() {
        return path;
    }
}
