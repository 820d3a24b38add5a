package nrw.kinetz.infra.trace;

import java.util.Optional;

/**
 * The trace the current thread works for. Set by the HTTP filter for a request and by the record
 * interceptor for a consumed record; read by the event publisher, so events carry their cause's trace.
 */
public final class TraceContext {

    private static final ThreadLocal<Traceparent> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    public static Optional<Traceparent> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The traceparent for something this thread sends now: a child of the current trace, or a new trace. */
    public static Traceparent forOutgoing() {
        Traceparent current = CURRENT.get();
        return current == null ? Traceparent.start() : current.child();
    }

    public static void set(Traceparent traceparent) {
        CURRENT.set(traceparent);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
