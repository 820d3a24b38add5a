package nrw.kinetz.infra.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTests {

    @Test
    void wellFormedHeaderIsParsedAndPrintedBackUnchanged() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(Traceparent.parse(header)).hasValueSatisfying(t -> assertThat(t).hasToString(header));
    }

    @Test
    void malformedOrAllZeroHeadersAreIgnored() {
        assertThat(Traceparent.parse(null)).isEmpty();
        assertThat(Traceparent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
    }

    @Test
    void childKeepsTheTraceAndGetsANewSpan() {
        Traceparent parent = Traceparent.start();
        Traceparent child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId());
        assertThat(Traceparent.parse(child.toString())).contains(child);
    }

    @Test
    void outgoingWorkWithoutACurrentTraceStartsOne() {
        TraceContext.clear();
        assertThat(TraceContext.forOutgoing().traceId()).hasSize(32);
        Traceparent current = Traceparent.start();
        TraceContext.set(current);
        try {
            assertThat(TraceContext.forOutgoing().traceId()).isEqualTo(current.traceId());
        } finally {
            TraceContext.clear();
        }
    }
}
