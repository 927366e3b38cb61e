package org.drcc.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Duration;
import java.util.List;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.security.Permission;
import org.drcc.kit.security.PermissionTable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** What the kit adds to a generated document, from the permission table and rate limits the filters enforce. */
class ApiDocumentTest {

    private final ApiDocument customizer = new ApiDocument(new ServiceInfo("DR command centre: backup-service", "1.2.3",
            "Takes backups."), new OperationFacts(PermissionTable.of(
            Permission.allow(HttpMethod.POST, "/api/backups", "dba", "dr-lead"),
            Permission.allow(HttpMethod.GET, "/api/backups/**", "viewer"),
            Permission.open(HttpMethod.GET, "/status")),
            List.of(new RateLimit(HttpMethod.POST, "/api/backups", 10, Duration.ofMinutes(1)))));

    @Test
    void aChangeDocumentsWhoMayCallItAndEveryProblemItCanAnswer() {
        Operation backUp = new Operation().operationId("backUpNow").requestBody(new RequestBody())
                .responses(new ApiResponses().addApiResponse("202", new ApiResponse().description("Accepted")));
        OpenAPI api = document("/api/backups", new PathItem().post(backUp));

        assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
        assertThat(api.getInfo().getDescription()).isEqualTo("Takes backups.");
        assertThat(backUp.getSummary()).isEqualTo("Back up now");
        assertThat(backUp.getDescription()).contains("Roles that may call it: dba, dr-lead")
                .contains("10 per PT1M");
        assertThat(backUp.getResponses()).containsKeys("202", "400", "401", "403", "409", "413", "429", "503")
                .doesNotContainKeys("404", "412", "422");
        assertThat(backUp.getResponses().get("403").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(backUp.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(api.getComponents().getSecuritySchemes().get(ApiDocument.BEARER).getScheme()).isEqualTo("bearer");
    }

    @Test
    void aReadOfOneThingCanBeNotFoundAndKeepsWhatItsAnnotationsSaid() {
        Operation read = new Operation().summary("Read one backup").responses(new ApiResponses()
                .addApiResponse("404", new ApiResponse().description("No such backup")));
        document("/api/backups/{id}", new PathItem().get(read));

        assertThat(read.getResponses()).containsKeys("401", "403", "404", "503").doesNotContainKeys("409", "413", "429");
        assertThat(read.getResponses().get("404").getDescription()).isEqualTo("No such backup");
        assertThat(read.getDescription()).contains("viewer");
    }

    @Test
    void aPublicOperationNeedsNoTokenAndCannotBeForbidden() {
        Operation status = new Operation().summary("The status page");
        document("/status", new PathItem().get(status));

        assertThat(status.getSecurity()).isEmpty();
        assertThat(status.getResponses()).doesNotContainKeys("401", "403");
        assertThat(status.getDescription()).contains("Public");
    }

    @Test
    void ifMatchAndIdempotencyKeyBring412And422() {
        Operation change = new Operation().summary("Assess").requestBody(new RequestBody())
                .addParametersItem(new HeaderParameter().name("If-Match").schema(new StringSchema()))
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").schema(new StringSchema()));
        document("/api/backups", new PathItem().post(change));

        assertThat(change.getResponses()).containsKeys("412", "422");
    }

    @Test
    void anOperationInNoRowSaysNobodyMayCallIt() {
        Operation orphan = new Operation().summary("New thing");
        document("/api/unlisted", new PathItem().delete(orphan));

        assertThat(orphan.getDescription()).contains("No role may call it yet");
    }

    @Test
    void theServiceInfoHasTheBuildVersionAndSaysHowToCallAndWhatErrorsLookLike() {
        java.util.Properties build = new java.util.Properties();
        build.setProperty("version", "0.9.1");
        ServiceInfo info = ServiceInfo.of("metrics-service", new org.springframework.boot.info.BuildProperties(build),
                new org.springframework.core.io.DefaultResourceLoader());

        assertThat(info.title()).isEqualTo("DR command centre: metrics-service");
        assertThat(info.version()).isEqualTo("0.9.1");
        assertThat(info.description()).startsWith("The metrics-service of the DR command centre.")
                .contains("Authorization: Bearer").contains("application/problem+json").contains("/asyncapi.json");
    }

    @Test
    void aRequestBodysObjectsTakeNoFieldTheyDoNotListAndAnAnswersStayOpen() {
        Schema<?> tier = new ObjectSchema().addProperty("name", new StringSchema());
        Schema<?> request = new ObjectSchema().addProperty("database", new StringSchema())
                .addProperty("tiers", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Tier")));
        Schema<?> shared = new ObjectSchema().addProperty("id", new StringSchema());
        Schema<?> answer = new ObjectSchema().addProperty("id", new StringSchema());
        Operation backUp = new Operation().operationId("backUpNow")
                .requestBody(new RequestBody().content(json("BackupRequest")))
                .responses(new ApiResponses().addApiResponse("202", new ApiResponse().content(json("BackupView"))));
        Operation other = new Operation().operationId("restore").requestBody(new RequestBody().content(json("Shared")))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().content(json("Shared"))));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/backups", new PathItem().post(backUp))
                        .addPathItem("/api/backups/{id}/restore", new PathItem().post(other)))
                .components(new Components().addSchemas("BackupRequest", request).addSchemas("Tier", tier)
                        .addSchemas("Shared", shared).addSchemas("BackupView", answer));
        customizer.customise(api);

        assertThat(request.getAdditionalProperties()).isEqualTo(false);
        assertThat(tier.getAdditionalProperties()).as("an object nested in a request").isEqualTo(false);
        assertThat(shared.getAdditionalProperties()).as("also an answer").isNull();
        assertThat(answer.getAdditionalProperties()).isNull();
    }

    @Test
    void aSchemaAnotherExtendsStaysOpenAndOneAnAnswerReachesThroughAUnionToo() {
        Schema<?> parent = new ObjectSchema().addProperty("database", new StringSchema());
        Schema<?> child = new Schema<>().addAllOfItem(new Schema<>().$ref("#/components/schemas/Parent"))
                .addAllOfItem(new ObjectSchema().addProperty("from", new StringSchema()));
        Schema<?> either = new ObjectSchema().addProperty("id", new StringSchema());
        Schema<?> answer = new Schema<>().addOneOfItem(new Schema<>().$ref("#/components/schemas/Either"));
        Operation restore = new Operation().operationId("restore").requestBody(new RequestBody().content(json("Child")))
                .responses(new ApiResponses().addApiResponse("202", new ApiResponse().content(json("Answer"))));
        Operation other = new Operation().operationId("other").requestBody(new RequestBody().content(json("Either")));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/restores", new PathItem().post(restore))
                        .addPathItem("/api/other", new PathItem().post(other)))
                .components(new Components().addSchemas("Parent", parent).addSchemas("Child", child)
                        .addSchemas("Either", either).addSchemas("Answer", answer));
        customizer.customise(api);

        assertThat(parent.getAdditionalProperties()).as("extended by Child").isNull();
        assertThat(either.getAdditionalProperties()).as("an answer's oneOf").isNull();
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private OpenAPI document(String path, PathItem item) {
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem(path, item));
        customizer.customise(api);
        return api;
    }
}
