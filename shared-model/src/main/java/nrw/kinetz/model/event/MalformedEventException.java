package nrw.kinetz.model.event;

/**
 * A record that can never be read as an event of the contract (missing or wrong CloudEvents headers,
 * unknown type, JSON that does not fit the payload). Retrying does not help: it belongs in the
 * dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
