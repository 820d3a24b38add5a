package nrw.kinetz.reporting.live;

import java.time.Duration;

/** A client asked for a live stream while it, or all clients together, hold as many as this instance allows. */
public class TooManyStreamsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyStreamsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
