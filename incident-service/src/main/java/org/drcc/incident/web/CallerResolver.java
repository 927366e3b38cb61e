package org.drcc.incident.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a {@link Caller} parameter and documents its two headers on each operation that takes one: the
 * headers are read and documented in one place, so the OpenAPI document cannot drift from what is read.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer, OperationCustomizer {

    private static final String IF_MATCH = "If-Match";
    private static final String KEY = "Idempotency-Key";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return new Caller(request.getUserPrincipal().getName(), ExpectedVersion.parse(header(request, IF_MATCH)),
                header(request, KEY));
    }

    /** A repeated header joined with commas, as {@code @RequestHeader String} reads it. */
    private static String header(NativeWebRequest request, String name) {
        String[] values = request.getHeaderValues(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
            operation.addParametersItem(new HeaderParameter().name(IF_MATCH).required(false).schema(new StringSchema())
                            .description("the ETag last read; a change to an incident at another version is refused (412)"))
                    .addParametersItem(new HeaderParameter().name(KEY).required(false).schema(new StringSchema())
                            .description("a retry with the same key and request gets the first answer, changing nothing"));
        }
        return operation;
    }
}
