package org.drcc.kit.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drcc.contract.Topics;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document cannot drift from the contract: it is generated from it, and here every event's
 * snapshot (the JSON its producer's test pins, {@code <module>/src/test/resources/contract/}) must be valid
 * against the schema the document publishes for its type, and a field the schema does not know fails it.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private final ObjectNode document = AsyncApiDocument.generate("test");

    @Test
    void everyTopicOfTheContractIsAChannelWithItsMessages() {
        List<String> addresses = new ArrayList<>();
        document.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        document.get("channels").forEach(c -> assertThat(c.get("messages").size())
                .as(c.get("address").asText()).isPositive());
    }

    @Test
    void everySnapshotOfAnEventIsValidAgainstItsPublishedSchema() throws IOException {
        List<Path> snapshots = snapshots();
        assertThat(snapshots).as("the producers' snapshots").hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (Path snapshot : snapshots) {
            String type = snapshot.getFileName().toString().replaceAll("\\.json$", "");
            JsonNode message = document.path("components").path("messages").path(type);
            if (message.isMissingNode()) {
                failures.add(type + ": no message in the document");
                continue;
            }
            Set<ValidationMessage> errors = schema(message.path("payload").path("schema"))
                    .validate(JSON.readTree(snapshot.toFile()));
            if (!errors.isEmpty()) {
                failures.add(type + ": " + errors);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aFieldTheSchemaDoesNotKnowIsRefused() {
        JsonNode schema = document.at("/components/messages/dr.incident.declared.v1/payload/schema");
        ObjectNode event = JSON.createObjectNode().put("incidentId", "i-1").put("surprise", 1);
        assertThat(schema(schema).validate(event)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("surprise")).anyMatch(m -> m.contains("scenarioId"));
    }

    @Test
    void personalDataIsMarkedAndSaysHowItIsSealed() {
        JsonNode actor = document.at("/components/messages/dr.incident.declared.v1/payload/schema/properties/actor");
        assertThat(actor.path("x-dr-personal-data").asBoolean()).isTrue();
        assertThat(actor.path("description").asText()).contains("pd:v1:<subject id>");
        assertThat(document.at("/components/messages/dr.incident.declared.v1/payload/schema/properties/title")
                .has("x-dr-personal-data")).isFalse();
        assertThat(document.at("/info/description").asText()).contains("keyring").contains("bearer token");
    }

    /**
     * Valid against the AsyncAPI 3.0.0 specification's own JSON Schema, from the npm package {@code @asyncapi/specs}
     * ({@code .ci/run} installs it); without it this one check is skipped, saying so.
     */
    @Test
    void theDocumentIsValidAsyncApi3() throws Exception {
        Path specs = asyncApiSpecs();
        org.junit.jupiter.api.Assumptions.assumeTrue(specs != null, "SKIPPED: the AsyncAPI specification's schema is "
                + "not installed (npm install -g @asyncapi/specs)");
        JsonSchema asyncApi3 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(specs.toFile()));
        assertThat(asyncApi3.validate(document)).extracting(ValidationMessage::getMessage).isEmpty();
    }

    /**
     * The published copy, {@code docs/asyncapi.json}, is written from the generator here whenever it differs, so a
     * build after an event was added refreshes it (commit the change); the document served is generated alike.
     */
    @Test
    void thePublishedCopyIsTheGeneratedDocument() throws IOException {
        Path published = PROJECT.resolve("docs").resolve("asyncapi.json");
        ObjectNode fresh = AsyncApiDocument.generate(projectVersion());
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fresh) + "\n";
        if (!Files.exists(published) || !Files.readString(published).equals(text)) {
            System.out.println("docs/asyncapi.json regenerated from the contract: commit it");
            Files.writeString(published, text);
        }
        assertThat(JSON.readTree(published.toFile())).isEqualTo(fresh);
    }

    private static JsonSchema schema(JsonNode schema) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }

    private static List<Path> snapshots() throws IOException {
        try (Stream<Path> modules = Files.list(PROJECT)) {
            List<Path> all = new ArrayList<>();
            for (Path dir : modules.map(m -> m.resolve("src/test/resources/contract")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".json")).forEach(all::add);
                }
            }
            return all;
        }
    }

    private static Path asyncApiSpecs() {
        try {
            Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            String root = new String(npm.getInputStream().readAllBytes()).strip();
            Path schema = Path.of(root, "@asyncapi", "specs", "schemas", "3.0.0-without-$id.json");
            return npm.waitFor() == 0 && Files.exists(schema) ? schema : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>dr-command-centre</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(PROJECT.resolve("pom.xml")));
        return version.find() ? version.group(1) : "development";
    }
}
