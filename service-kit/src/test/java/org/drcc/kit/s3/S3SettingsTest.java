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
    void oneServerIsOneSiteHoweverItsEndpointIsWrittenAndOnAwsItselfTheRegionIs() {
        S3Settings.Store main = new S3Settings.Store(URI.create("http://Main.Example:80"), null, null, "us-east-1");
        assertThat(main.sameSiteAs(new S3Settings.Store(URI.create("http://main.example/"), null, null, "eu-west-1")))
                .as("case, the default port, a trailing slash and the signing region change nothing").isTrue();
        assertThat(main.sameSiteAs(new S3Settings.Store(URI.create("http://main.example:9000"), null, null, "us-east-1")))
                .as("another port is another server").isFalse();
        assertThat(main.sameSiteAs(new S3Settings.Store(null, null, null, "us-east-1"))).isFalse();
        assertThat(new S3Settings.Store(null, null, null, "us-east-1").sameSiteAs(new S3Settings.Store(null, null, null,
                "us-east-1"))).as("AWS itself, one region").isTrue();
        assertThat(new S3Settings.Store(null, null, null, "us-east-1").sameSiteAs(new S3Settings.Store(null, null, null,
                "eu-west-1"))).isFalse();
    }

    @Test
    void theSecretsNeverPrint() {
        assertThat(settings.toString()).contains("main-key").doesNotContain("main-secret", "offsite-secret");
    }
}
