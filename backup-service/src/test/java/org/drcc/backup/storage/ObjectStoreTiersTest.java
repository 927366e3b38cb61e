package org.drcc.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.drcc.backup.config.S3Clients;
import org.drcc.backup.config.S3Properties;
import org.drcc.backup.config.S3Properties.Buckets;
import org.drcc.backup.config.S3Properties.TierStore;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

class ObjectStoreTiersTest {

    private static final URI PRIMARY = URI.create("http://primary.example:9000");
    private static final Buckets BUCKETS = new Buckets("b-primary", "b-secondary", "b-tertiary");

    @Test
    void aTierOnItsOwnEndpointIsReadAndWrittenThereAndTheOthersOnThePrimary() {
        S3Properties properties = properties(Map.of("tertiary",
                new TierStore(URI.create("http://offsite.example:9000"), "offsite-key", null, "eu-west-1")));
        try (S3Client primary = S3Clients.of(PRIMARY, "k", "s", "us-east-1")) {
            ObjectStore store = new ObjectStore(primary, properties);

            assertThat(store.client("b-primary")).isSameAs(primary);
            assertThat(store.client("b-secondary")).isSameAs(primary);
            S3Client offsite = store.client("b-tertiary");
            assertThat(offsite).isNotSameAs(primary);
            assertThat(offsite.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://offsite.example:9000"));
            assertThat(offsite.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            store.close();
        }
    }

    @Test
    void cannotNameATierThatDoesNotExistAndTheSecretsNeverPrint() {
        S3Properties properties = properties(Map.of("quaternary", new TierStore(PRIMARY, "a", "tier-secret", null)));
        assertThatThrownBy(properties::tierStoresByBucket).hasMessageContaining("dr.s3.tiers.quaternary: unknown tier");
        assertThat(properties.toString()).doesNotContain("tier-secret", "primary-secret");
    }

    private static S3Properties properties(Map<String, TierStore> tiers) {
        return new S3Properties(PRIMARY, "k", "primary-secret", "us-east-1", DataSize.ofMegabytes(8), 2, BUCKETS, tiers);
    }
}
