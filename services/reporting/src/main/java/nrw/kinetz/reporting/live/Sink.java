package nrw.kinetz.reporting.live;

import java.io.IOException;

/** Where a subscriber's frames go: the HTTP response of one client. */
interface Sink {

    /** Blocks while the client does not read. @throws IOException if the client is gone */
    void send(Frame frame) throws IOException;

    /** Ends the stream; the client may reconnect with {@code Last-Event-ID}. */
    void close();
}
