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
                "DR_ARCHIVE_OFFSITE_STORE", "offsite", "DR_S3_ENDPOINT", "http://127.0.0.1:9000",
                "DR_S3_TIERS_OFFSITE_ENDPOINT", "http://127.0.0.1:9100", "DR_S3_TIERS_OFFSITE_ACCESSKEY", "incident-offsite",
                "DR_S3_TIERS_OFFSITE_SECRETKEY", "offsite-secret"));
        ArchiveProperties.Offsite offsite = binder.bind("dr.archive", ArchiveProperties.class).get().offsite();
        assertThat(offsite.configured()).isTrue();
        assertThat(offsite.bucket()).isEqualTo("dr-audit-archive-offsite");
        assertThat(offsite.storeName()).isEqualTo("offsite");
        assertThat(offsite.groupId()).isEqualTo("audit-archiver-offsite");
        S3Settings.Store store = binder.bind("dr.s3", S3Settings.class).get().store("offsite");
        assertThat(store.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9100"));
        assertThat(store.accessKey()).isEqualTo("incident-offsite");
        assertThat(store.secretKey()).isEqualTo("offsite-secret");
    }

    @Test
    void unsetOrEmptyAsComposeLeavesThemThereIsNoOffSiteCopy() {
        for (Map<String, Object> env : java.util.List.<Map<String, Object>>of(Map.of("DR_S3_ENDPOINT", "http://127.0.0.1:9000"),
                Map.of("DR_ARCHIVE_OFFSITE_BUCKET", "", "DR_ARCHIVE_OFFSITE_STORE", ""))) {
            ArchiveProperties settings = binder(env).bindOrCreate("dr.archive", ArchiveProperties.class);
            assertThat(settings.offsite()).isNotNull();
            assertThat(settings.offsite().configured()).isFalse();
            assertThat(settings.offsite().storeName()).isEqualTo("main");
        }
    }

    private static Binder binder(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
