package org.drcc.kit.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * What the document's {@code info} says: the service's name, the version the build wrote into
 * {@code META-INF/build-info.properties}, and the service's own words from {@code classpath:api/description.md}.
 */
record ServiceInfo(String title, String version, String description) {

    static final String DESCRIPTION = "classpath:api/description.md";

    static ServiceInfo of(String service, BuildProperties build, ResourceLoader resources) {
        String version = build != null ? build.getVersion() : ServiceInfo.class.getPackage().getImplementationVersion();
        return new ServiceInfo("DR command centre: " + service, version == null ? "development" : version,
                read(resources.getResource(DESCRIPTION), service) + COMMON);
    }

    private static String read(Resource resource, String service) {
        if (!resource.exists()) {
            return "The " + service + " of the DR command centre.";
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DESCRIPTION, e);
        }
    }

    /** What holds for every service: written once here, so each service's description is only its own. */
    private static final String COMMON = """


            ## Calling it

            Every operation except the public ones (health, this document, a status page) needs an OAuth2 bearer
            JWT (`Authorization: Bearer <token>`) whose `roles` claim holds one of the roles listed on the
            operation; locally `./dr login --role <role>` issues one. The caller the token names is the actor
            recorded on every event.

            ## Errors

            Every error is RFC 9457 `application/problem+json`: `title` says what went wrong, `detail` what to
            change, `status` repeats the HTTP status. A 400 for invalid fields lists each in `errors`
            (`field`, `message`). 401: no token, or a refused one. 403: the token's roles may not call the
            operation; `detail` names the roles that may. 413: the body is over the size cap. 429: over the
            caller's rate limit; `Retry-After` says when to try again. 503: an engine (PostgreSQL, Kafka, S3) is
            unreachable, named in `engine`; nothing was changed; retry after `Retry-After`.

            ## Events

            What this suite publishes on Kafka is described by its AsyncAPI document, served at `/asyncapi.json`.
            """;
}
