package org.drcc.kit.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.drcc.kit.problem.Problems;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than the cap with 413, before anything reads it; a body
 * without a declared length (chunked) is cut off at the cap while it is read (also 413, by the problem advice).
 */
final class BodySizeFilter extends OncePerRequestFilter {

    private final DataSize max;

    BodySizeFilter(DataSize max) {
        this.max = max;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max.toBytes()) {
            Problems.write(request, response, 413, "Request body too large", "the request body has "
                    + request.getContentLengthLong() + " bytes; this service accepts at most " + max.toBytes()
                    + " bytes (dr.limits.max-request-body)");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CappedRequest(request, max.toBytes()) : request, response);
    }
}
