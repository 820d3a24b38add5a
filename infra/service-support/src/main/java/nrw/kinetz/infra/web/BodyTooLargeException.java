package nrw.kinetz.infra.web;

import java.io.IOException;

/**
 * A request body longer than the service accepts ({@code kinetz.web.max-body-size}); answered with 413. An
 * {@link IOException}, because it is raised while the body is read, wherever that happens.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The body is larger than " + readable(limit) + "; send less per request.");
        this.limit = limit;
    }

    private static String readable(long bytes) {
        long megabyte = 1024 * 1024;
        if (bytes % megabyte == 0) {
            return bytes / megabyte + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    public long limit() {
        return limit;
    }
}
