package org.drcc.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.S3Properties.Buckets;
import org.drcc.kit.s3.S3Clients;
import org.drcc.kit.s3.S3Settings;
import org.drcc.kit.s3.S3Settings.Store;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

class ObjectStoreTiersTest {

    private static final URI PRIMARY = URI.create("http://primary.example:9000");
    private static final S3Properties PROPERTIES = new S3Properties(DataSize.ofMegabytes(8), 2,
            new Buckets("b-primary", "b-secondary", "b-tertiary"));

    @Test
    void aTierOnItsOwnEndpointIsReadAndWrittenThereAndTheOthersOnThePrimary() {
        S3Settings settings = settings(Map.of("tertiary",
                new Store(URI.create("http://offsite.example:9000"), "offsite-key", null, "eu-west-1")));
        try (S3Clients clients = new S3Clients(settings)) {
            S3Client primary = clients.main();
            ObjectStore store = new ObjectStore(clients, PROPERTIES);

            assertThat(store.client("b-primary")).isSameAs(primary);
            assertThat(store.client("b-secondary")).isSameAs(primary);
            S3Client offsite = store.client("b-tertiary");
            assertThat(offsite).isNotSameAs(primary);
            assertThat(offsite.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://offsite.example:9000"));
            assertThat(offsite.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void aTierWithoutAStoreOfItsOwnOrOnThePrimarysEndpointAndRegionIsNamedAsOnThePrimarysSite() {
        assertThat(new OffSiteTiers(settings(Map.of())).onThePrimarysSite()).containsExactly("secondary", "tertiary");
        assertThat(new OffSiteTiers(settings(Map.of(
                "secondary", new Store(PRIMARY, "other-key", null, null),
                "tertiary", new Store(URI.create("http://offsite.example:9000"), null, null, "eu-west-1"))))
                .onThePrimarysSite()).as("the same endpoint and region under another user is the same site")
                .containsExactly("secondary");
        assertThat(new OffSiteTiers(settings(Map.of(
                "secondary", new Store(PRIMARY, null, null, "us-west-2"),
                "tertiary", new Store(URI.create("http://offsite.example:9000"), null, null, null))))
                .onThePrimarysSite()).as("one S3-compatible server, whatever region its requests are signed for")
                .containsExactly("secondary");
        // AWS itself (no endpoint): the region is the site
        S3Settings aws = new S3Settings(null, "k", "primary-secret", "us-east-1", Map.of(
                "secondary", new Store(null, null, null, "us-west-2"),
                "tertiary", new Store(null, null, null, "eu-west-1")));
        assertThat(new OffSiteTiers(aws).onThePrimarysSite()).isEmpty();
    }

    @Test
    void cannotNameATierThatDoesNotExistAndTheSecretsNeverPrint() {
        S3Settings settings = settings(Map.of("quaternary", new Store(PRIMARY, "a", "tier-secret", null)));
        try (S3Clients clients = new S3Clients(settings)) {
            assertThatThrownBy(() -> new ObjectStore(clients, PROPERTIES)).hasMessageContaining("dr.s3.tiers.quaternary: unknown tier");
        }
        assertThat(settings.toString()).doesNotContain("tier-secret", "primary-secret");
    }

    private static S3Settings settings(Map<String, Store> tiers) {
        return new S3Settings(PRIMARY, "k", "primary-secret", "us-east-1", tiers);
    }
}
