package org.drcc.backup.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.retention.RetentionSettings;
import org.drcc.backup.storage.S3Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Settings that would let retention destroy backups, or count one copy as two, stop the start, with a message naming
 * the setting.
 */
class SettingsRefusedAtStartTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BackupProperties.class, RetentionSettings.class, S3Properties.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("dr.backup.databases.foodtruck.url=jdbc:postgresql://127.0.0.1:15432/foodtruck");

    @Test
    void cannotStartWithARetentionThatKeepsNothing() {
        context.withPropertyValues("dr.backup.databases.foodtruck.retention.daily=0",
                "dr.backup.databases.foodtruck.retention.weekly=0",
                "dr.backup.databases.foodtruck.retention.monthly=0").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(messages(started.getStartupFailure()))
                            .contains("dr.backup.databases.foodtruck.retention")
                            .contains("retention must keep something");
                });
    }

    @Test
    void cannotStartWithANegativeCount() {
        context.withPropertyValues("dr.backup.databases.foodtruck.retention.weekly=-3").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure())).contains("dr.backup.databases.foodtruck.retention")
                    .contains("weekly=-3");
        });
    }

    @Test
    void cannotStartWithoutRoomForOneDeletion() {
        context.withPropertyValues("dr.backup.retention.max-deletes-per-run=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure())).contains("dr.backup.retention.max-deletes-per-run");
        });
    }

    @Test
    void cannotStartWithTwoTiersInOneBucket() {
        context.withPropertyValues("dr.s3.buckets.tertiary=dr-backups-primary").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure())).contains("must name three different buckets")
                    .contains("'dr-backups-primary', 'dr-backups-secondary' and 'dr-backups-primary'");
        });
    }

    @Test
    void startsWithThePlansDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(BackupProperties.class).databases().get("foodtruck").retention())
                    .isEqualTo(org.drcc.backup.retention.RetentionPolicy.PLAN);
            assertThat(started.getBean(RetentionSettings.class).maxDeletesPerRun()).isEqualTo(10);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
