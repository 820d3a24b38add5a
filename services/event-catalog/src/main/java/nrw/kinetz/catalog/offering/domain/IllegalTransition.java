package nrw.kinetz.catalog.offering.domain;

/** The command does not fit the offering's status (publishing a cancelled offering, changing a completed one). */
public final class IllegalTransition extends RuntimeException {

    public IllegalTransition(String message) {
        super(message);
    }
}
