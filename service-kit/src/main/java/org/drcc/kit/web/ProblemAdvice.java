package org.drcc.kit.web;

import static org.drcc.kit.problem.Problems.invalid;
import static org.drcc.kit.problem.Problems.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drcc.kit.limits.BodyTooLargeException;
import org.drcc.kit.rules.RuleRefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem+json for every error, with 400s that say which field is wrong and why. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    /**
     * Spring matches a handler against the causes too, so a refusal that Axon's command bus wraps in a
     * CommandExecutionException lands here as well, without this class naming Axon (metrics-service has none).
     */
    @ExceptionHandler(RuleRefusedException.class)
    ProblemDetail refused(RuleRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the " + e.subject() + "'s rules", e.getMessage());
    }

    /** A limit a service checks itself (the target a public request names): 429 with Retry-After. */
    @ExceptionHandler(org.drcc.kit.limits.RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(org.drcc.kit.limits.RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, invalidFields(ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList()), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query parameter out of its bounds, a page size over its cap say: 400 naming it and the bound. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, invalidFields(ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(e.getDefaultMessage()))))
                .toList()), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        return invalid(errors.stream().map(e -> e.get("field") + " " + e.get("message")).sorted()
                .collect(Collectors.joining("; ")), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable tooLarge = ex;
        while (tooLarge != null && !(tooLarge instanceof BodyTooLargeException)) {
            tooLarge = tooLarge.getCause();
        }
        if (tooLarge != null) {
            return handleExceptionInternal(ex, problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    tooLarge.getMessage()), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "Unreadable request body", describe(ex)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    static String describe(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String expected = invalid.getTargetType().isEnum()
                    ? " (one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ")" : "";
            return "field '" + path(invalid) + "' cannot be '" + invalid.getValue() + "'" + expected;
        }
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            return "field '" + path(unknown) + "' is not one this request takes"
                    + (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty() ? ""
                    : " (it takes " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' has the wrong type or format";
        }
        if (ex.getCause() == null) {
            return "the request body is missing";
        }
        return "the request body is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
