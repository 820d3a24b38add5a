package nrw.kinetz.programs.domain;

/**
 * A command is well-formed but clashes with the current state (approving twice, drawing more than was
 * granted, accepting a proof of use nobody submitted): answered with 409.
 */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
