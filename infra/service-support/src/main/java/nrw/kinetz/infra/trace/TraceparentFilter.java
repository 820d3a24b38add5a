package nrw.kinetz.infra.trace;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Continues the caller's trace (or starts one) for the duration of an HTTP request and echoes it back. */
public class TraceparentFilter extends OncePerRequestFilter {

    static final String HEADER = "traceparent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Traceparent trace = Traceparent.parse(request.getHeader(HEADER)).map(Traceparent::child).orElseGet(Traceparent::start);
        TraceContext.set(trace);
        response.setHeader(HEADER, trace.toString());
        try {
            chain.doFilter(request, response);
        } finally {
            TraceContext.clear();
        }
    }
}
