package org.drcc.kit.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request a correlation id (the caller's, when acceptable) for its logs, its events and its answer. */
class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Correlation.fromCaller(request.getHeader(Correlation.HTTP_HEADER));
        response.setHeader(Correlation.HTTP_HEADER, id);
        MDC.put(Correlation.LOG_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Correlation.LOG_KEY);
        }
    }
}
