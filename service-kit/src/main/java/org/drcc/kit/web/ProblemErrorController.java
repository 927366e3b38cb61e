package org.drcc.kit.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.drcc.kit.correlation.Correlation;
import org.drcc.kit.problem.Problems;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * What reaches the servlet container's error page, an error no controller advice or resolver answered (thrown by a
 * filter, or while committing), answers problem+json too, never Spring Boot's default error body. An error that
 * says an engine is unreachable answers as {@link EngineDownResolver} does; so does any other server error while
 * PostgreSQL's health check finds it down (a connection the pool had marked broken fails with errors that do not
 * always name the outage). Anything else is a 500 that names no internals, only the id to quote to an operator.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errors;
    private final EngineDownResolver outages;
    private final BooleanSupplier databaseDown;

    public ProblemErrorController(ErrorAttributes errors, EngineDownResolver outages, BooleanSupplier databaseDown) {
        this.errors = errors;
        this.outages = outages;
        this.databaseDown = databaseDown;
    }

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpServletRequest original = new OriginalRequest(request);
        Throwable error = errors.getError(new ServletWebRequest(request));
        int status = status(request);
        Optional<EngineDown> down = error == null ? Optional.empty() : EngineDown.of(error);
        if (down.isEmpty() && status >= 500 && databaseDown.getAsBoolean()) {
            down = Optional.of(EngineDown.POSTGRESQL);
        }
        if (down.isPresent() && outages.answer(original, response, down.get(), error)) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500
                ? "The request failed inside the service; nothing of it is shown here. Quote the correlation id "
                        + response.getHeader(Correlation.HTTP_HEADER) + " to an operator, who finds the cause in the log."
                : title + ".";
        Problems.write(original, response, status, title, detail);
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code && code >= 400 ? code : 500;
    }

    /** The failed request as the caller sent it: its URI, not the error page's. */
    private static final class OriginalRequest extends HttpServletRequestWrapper {

        OriginalRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            Object uri = getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri instanceof String original ? original : super.getRequestURI();
        }
    }
}
