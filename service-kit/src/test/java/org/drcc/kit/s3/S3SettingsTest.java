package org.drcc.kit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static final URI MAIN = URI.create("http://main.example:9000");
    private static final URI OFFSITE = URI.create("http://offsite.example:9000");

    private final S3Settings settings = new S3Settings(MAIN, "main-key", "main-secret", "us-east-1",
            Map.of("tertiary", new S3Settings.Store(OFFSITE, null, "offsite-secret", null)));

    @Test
    void aNamedStoreTakesEachValueItLeavesUnsetFromTheMainOne() {
        assertThat(settings.store("tertiary")).isEqualTo(new S3Settings.Store(OFFSITE, "main-key", "offsite-secret", "us-east-1"));
        assertThat(settings.store("secondary")).isEqualTo(settings.main());
    }

    @Test
    void eachStoreHasItsOwnClientAndANameWithoutOneGetsTheMainClient() {
        try (S3Clients clients = new S3Clients(settings)) {
            assertThat(clients.names()).containsExactly("tertiary");
            assertThat(clients.of("tertiary").serviceClientConfiguration().endpointOverride()).contains(OFFSITE);
            assertThat(clients.of("secondary")).isSameAs(clients.main());
            assertThat(clients.bucket("reports").bucket()).isEqualTo("reports");
        }
    }

    @Test
    void theSecretsNeverPrint() {
        assertThat(settings.toString()).contains("main-key").doesNotContain("main-secret", "offsite-secret");
    }
}
