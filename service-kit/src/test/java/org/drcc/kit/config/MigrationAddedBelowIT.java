package org.drcc.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database migrated before a migration numbered below its newest one was written (a service's V30 after the
 * kit's V81): the service, started with the kit's defaults after the upgrade, applies it and starts.
 */
@WithEngines(database = "incident")
class MigrationAddedBelowIT {

    @Test
    void aServiceWhoseDatabaseHasANewerMigrationStillAppliesOneAddedBelowItAndStarts(Engines engines,
            @TempDir Path folder) throws Exception {
        String database = "upgrade_" + Long.toHexString(System.nanoTime());
        engines.postgres().createDatabase(database);
        DataSource db = engines.postgres().dataSource(database);
        String url = engines.postgres().jdbcUrl(database);
        Path migrations = Files.createDirectories(folder.resolve("db"));
        Files.writeString(migrations.resolve("V1__first.sql"), "CREATE TABLE first (id int);");
        Files.writeString(migrations.resolve("V81__newest.sql"), "CREATE TABLE newest (id int);");
        ApplicationContextRunner service = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withInitializer(context -> new KitDefaults().postProcessEnvironment(context.getEnvironment(),
                        new SpringApplication()))
                .withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + migrations);
        service.run(started -> assertThat(started).hasNotFailed());

        Files.writeString(migrations.resolve("V30__added_later.sql"), "CREATE TABLE added_later (id int);");
        service.run(started -> assertThat(started).as("the service starts after the upgrade").hasNotFailed());

        JdbcClient sql = JdbcClient.create(db);
        assertThat(sql.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("1", "81", "30");
        assertThat(sql.sql("SELECT to_regclass('added_later') IS NOT NULL").query(Boolean.class).single())
                .as("what it adds is there").isTrue();
    }
}
