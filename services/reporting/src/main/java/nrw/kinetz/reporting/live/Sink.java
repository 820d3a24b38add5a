package nrw.kinetz.reporting.live;

import java.io.IOException;
import java.util.List;

/** Where a subscriber's frames go: the HTTP response of one client. */
public interface Sink {

    /**
     * Writes the frames in order, in one write and one flush. Blocks while the client does not read.
     *
     * @throws IOException if the client is gone
     */
    public void send(List<Frame> frames) throws IOException;

    /** Ends the stream; the client may reconnect with {@code Last-Event-ID}. */
    public void close();
}
