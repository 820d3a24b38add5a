package nrw.kinetz.devstack.demo;

/** The demo cannot go on; the message says why, for people. */
public final class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
