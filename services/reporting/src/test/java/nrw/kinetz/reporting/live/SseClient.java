package nrw.kinetz.reporting.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client as a browser's EventSource reads the stream: events are dispatched at a blank
 * line, the last id seen is remembered for a reconnect, comment lines are collected on their own.
 */
public final class SseClient implements AutoCloseable {

    /** One dispatched event. */
    public record Event(String id, String name, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param headers name and value alternating, e.g. {@code "Last-Event-ID", "42"} */
    public static SseClient connect(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            return new SseClient(response);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + pathAndQuery, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event that matches, skipping others; fails after {@code timeout}. */
    public Event next(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    throw new AssertionError("no matching event within " + timeout);
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that arrives within {@code window}. */
    public List<Event> drain(Duration window) {
        List<Event> received = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    return received;
                }
                received.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return received;
        }
    }

    public List<String> comments() {
        return comments;
    }

    /** The id a reconnecting EventSource would send as {@code Last-Event-ID}. */
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // the connection is gone either way
        }
        reader.interrupt();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(value(line.substring(1)));
                } else if (line.startsWith("id:")) {
                    id = value(line.substring(3));
                } else if (line.startsWith("event:")) {
                    name = value(line.substring(6));
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line.substring(5))) : data.append('\n').append(value(line.substring(5)));
                }
            }
        } catch (IOException e) {
            // closed by the test or by the server
        }
        ended = true;
    }

    /** Whether the server ended the stream (or the test closed it). */
    public boolean ended() {
        return ended;
    }

    private static String value(String rest) {
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }
}
