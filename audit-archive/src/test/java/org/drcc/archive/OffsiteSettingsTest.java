package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.drcc.kit.s3.S3Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The off-site copy's settings as a deployment gives them, in environment variables (README, "The audit archive off site"). */
class OffsiteSettingsTest {

    @Test
    void theOffSiteCopyAndItsStoreAreReadFromTheVariablesTheReadmeNames() {
        Binder binder = binder(Map.of("DR_ARCHIVE_OFFSITE_BUCKET", "dr-audit-archive-offsite",
                "DR_ARCHIVE_OFFSITE_ENDPOINT", "http://127.0.0.1:9100", "DR_ARCHIVE_OFFSITE_ACCESS_KEY", "incident-offsite",
                "DR_ARCHIVE_OFFSITE_SECRET_KEY", "offsite-secret", "DR_ARCHIVE_OFFSITE_REGION", "eu-central-1",
                "DR_S3_ENDPOINT", "http://127.0.0.1:9000"));
        ArchiveProperties.Offsite offsite = binder.bind("dr.archive", ArchiveProperties.class).get().offsite();
        assertThat(offsite.configured()).isTrue();
        assertThat(offsite.bucket()).isEqualTo("dr-audit-archive-offsite");
        assertThat(offsite.groupId()).isEqualTo("audit-archiver-offsite");
        S3Settings.Store store = offsite.store(binder.bindOrCreate("dr.s3", S3Settings.class).main());
        assertThat(store.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9100"));
        assertThat(store.accessKey()).isEqualTo("incident-offsite");
        assertThat(store.secretKey()).isEqualTo("offsite-secret");
        assertThat(store.region()).isEqualTo("eu-central-1");
        assertThat(offsite.toString()).doesNotContain("offsite-secret");
    }

    @Test
    void eachValueLeftEmptyAsComposeLeavesItIsTheMainStores() {
        Binder binder = binder(Map.of("DR_ARCHIVE_OFFSITE_BUCKET", "dr-audit-archive-offsite",
                "DR_ARCHIVE_OFFSITE_ENDPOINT", "", "DR_ARCHIVE_OFFSITE_ACCESS_KEY", "", "DR_ARCHIVE_OFFSITE_SECRET_KEY", "",
                "DR_ARCHIVE_OFFSITE_REGION", "", "DR_S3_ENDPOINT", "http://127.0.0.1:9000", "DR_S3_ACCESS_KEY", "incident-service",
                "DR_S3_SECRET_KEY", "main-secret"));
        S3Settings.Store main = binder.bindOrCreate("dr.s3", S3Settings.class).main();
        S3Settings.Store store = binder.bind("dr.archive", ArchiveProperties.class).get().offsite().store(main);
        assertThat(store.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(store.accessKey()).isEqualTo("incident-service");
        assertThat(store.secretKey()).isEqualTo("main-secret");
        assertThat(store.region()).isEqualTo("us-east-1");
    }

    @Test
    void unsetOrEmptyAsComposeLeavesThemThereIsNoOffSiteCopy() {
        for (Map<String, Object> env : java.util.List.<Map<String, Object>>of(Map.of("DR_S3_ENDPOINT", "http://127.0.0.1:9000"),
                Map.of("DR_ARCHIVE_OFFSITE_BUCKET", "", "DR_ARCHIVE_OFFSITE_ENDPOINT", ""))) {
            ArchiveProperties settings = binder(env).bindOrCreate("dr.archive", ArchiveProperties.class);
            assertThat(settings.offsite()).isNotNull();
            assertThat(settings.offsite().configured()).isFalse();
        }
    }

    private static Binder binder(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
