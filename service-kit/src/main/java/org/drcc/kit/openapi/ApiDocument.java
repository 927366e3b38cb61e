package org.drcc.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.security.Permission;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * Makes a service's generated document stand on its own. springdoc knows the operations and their types; this
 * adds what it cannot see: the service's title, version and description, the bearer scheme, who may call each
 * operation, the problem+json answers each can give, from the same permission table and rate limits the
 * filters enforce, and the request bodies' objects closed to fields they do not list ({@link ClosedRequestSchemas}). What an operation's own annotations say is kept: a response it documents is not replaced.
 */
final class ApiDocument implements OpenApiCustomizer {

    static final String BEARER = "bearer";

    private final ServiceInfo info;
    private final OperationFacts facts;

    ApiDocument(ServiceInfo info, OperationFacts facts) {
        this.info = info;
        this.facts = facts;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title(info.title()).version(info.version()).description(info.description()));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the organisation's identity provider (locally: ./dr login), with the caller's "
                        + "roles in its `roles` claim")));
        ErrorResponses.register(components);
        api.security(List.of(new SecurityRequirement().addList(BEARER)));
        Set<String> tags = new LinkedHashSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describe(path, HttpMethod.valueOf(method.name()), operation);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
        }
        declareTags(api, tags);
        ClosedRequestSchemas.close(api);
    }

    private void describe(String path, HttpMethod method, Operation operation) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            // a method added without @Operation still gets a readable summary rather than none
            operation.setSummary(Summaries.fromOperationId(operation.getOperationId()));
        }
        Optional<Permission> permission = facts.permission(method, path);
        Optional<RateLimit> limit = facts.rateLimit(method, path);
        boolean open = permission.map(Permission::isPublic).orElse(false);
        List<String> notes = new ArrayList<>();
        notes.add(permission.map(p -> p.isPublic() ? "Public: no token needed."
                : "Roles that may call it: " + String.join(", ", p.roles()) + ".")
                .orElse("No role may call it yet: it is in no row of the permission table."));
        limit.ifPresent(l -> notes.add("Rate-limited per " + l.per() + ": " + l.permits() + " per " + l.period() + "."));
        String own = operation.getDescription() == null || operation.getDescription().isBlank()
                ? operation.getSummary() + "." : operation.getDescription();
        operation.setDescription(own + "\n\n" + String.join(" ", notes));
        if (open) {
            operation.setSecurity(List.of());
        }
        ErrorResponses.addTo(operation, new ErrorResponses.Facts(method, path.contains("{"), open,
                permission.map(Permission::roles).orElse(List.of()), limit.isPresent()));
    }

    private static void declareTags(OpenAPI api, Set<String> used) {
        List<Tag> declared = api.getTags() == null ? new ArrayList<>() : new ArrayList<>(api.getTags());
        for (String name : used) {
            if (declared.stream().noneMatch(t -> t.getName().equals(name))) {
                declared.add(new Tag().name(name));
            }
        }
        declared.forEach(t -> {
            if (t.getDescription() == null || t.getDescription().isBlank()) {
                t.setDescription(Summaries.fromTag(t.getName()));
            }
        });
        api.setTags(declared);
    }
}
