package nrw.kinetz.reporting.live;

/**
 * One thing written to a Server-Sent Events stream: an event, or a comment line that keeps an idle
 * connection open.
 *
 * @param id      the event id — the feed cursor up to which the client has everything — or {@code null}
 * @param event   the event name, e.g. {@code aggregate}
 * @param data    the JSON of the event
 * @param comment the text of a comment line, {@code null} for an event
 */
public record Frame(String id, String event, String data, String comment) {

    public static Frame comment(String text) {
        return new Frame(null, null, null, text);
    }

    public boolean isComment() {
        return comment != null;
    }

    /**
     * Appends this frame in the text/event-stream format, ended by its blank line; multi-line data gets one
     * {@code data:} line per line.
     */
    public void writeTo(StringBuilder stream) {
        if (isComment()) {
            stream.append(':').append(comment).append("\n\n");
            return;
        }
        if (id != null) {
            stream.append("id:").append(id).append('\n');
        }
        stream.append("event:").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            stream.append("data:").append(line).append('\n');
        }
        stream.append('\n');
    }
}
