package nrw.kinetz.intake.push;

/** The push cannot go on; the message is for the person at the terminal. */
final class PushException extends RuntimeException {

    PushException(String message) {
        super(message);
    }

    PushException(String message, Throwable cause) {
        super(message, cause);
    }
}
