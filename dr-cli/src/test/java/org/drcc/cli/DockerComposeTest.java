package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the deployment (docker-compose.yml, the Dockerfiles, the Prometheus config) in step with each
 * service's own application.yml: a port or database changed in one place must be changed in the others.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final YAMLMapper YAML = new YAMLMapper();

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "notification-service", "metrics-service"})
    void composeRunsTheServiceAsItIsConfigured(String name) throws IOException {
        JsonNode settings = read(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
        int port = settings.path("server").path("port").asInt();
        String database = database(settings.path("spring").path("datasource").path("url").asText());
        JsonNode service = read(ROOT.resolve("docker-compose.yml")).path("services").path(name);

        assertThat(service.isObject()).as("docker-compose.yml has no service %s", name).isTrue();
        assertThat(ports(service))
                .as("%s: docker-compose.yml must publish its server.port %d from a range of host ports starting at %d, "
                        + "so that a second instance (--scale) finds one free", name, port, port)
                .anyMatch(p -> p.matches(port + "-\\d+:" + port));
        assertThat(service.path("healthcheck").path("test").toString())
                .as("%s: the healthcheck must ask its own port %d", name, port)
                .contains("localhost:" + port + "/actuator/health");

        Map<String, String> env = environment(service);
        assertThat(env.get("SPRING_DATASOURCE_URL"))
                .as("%s: SPRING_DATASOURCE_URL in docker-compose.yml", name).isNotBlank();
        assertThat(database(env.get("SPRING_DATASOURCE_URL")))
                .as("%s: SPRING_DATASOURCE_URL in docker-compose.yml names another database than application.yml's %s",
                        name, database)
                .isEqualTo(database);
        assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .as("%s: SPRING_KAFKA_BOOTSTRAP_SERVERS is not set in docker-compose.yml", name).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void composesPostgresArchivesIntoTheRepositoriesBackupServiceWritesWithTheSameOptions() throws IOException {
        // two writers of one pgBackRest repository: the server's start script (archive-push) and backup-service
        // (backups, restores); an option in one and not the other would split the archive or fail its checks
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("line \"repo\\$n-([a-z0-9-]+)\"")
                .matcher(Files.readString(ROOT.resolve("deploy/pgbackrest/pgbackrest-postgres.sh")));
        java.util.Set<String> server = new java.util.TreeSet<>();
        while (script.find()) {
            server.add(script.group(1));
        }
        java.util.regex.Matcher source = java.util.regex.Pattern.compile("repo\\.option\\(\"([a-z0-9-]+)\"\\)")
                .matcher(Files.readString(ROOT.resolve(
                        "backup-service/src/main/java/org/drcc/backup/pitr/PgBackRestConfig.java")));
        java.util.Set<String> service = new java.util.TreeSet<>();
        while (source.find()) {
            service.add(source.group(1));
        }
        // the certificate checks are each side's own: backup-service's may be switched off for a local S3 server
        service.remove("storage-verify-tls");
        assertThat(server).as("the repository options of deploy/pgbackrest/pgbackrest-postgres.sh")
                .isNotEmpty().isEqualTo(service);
        // and the same asynchronous WAL push, which keeps the WAL going to the tiers that answer while one is lost
        String startScript = Files.readString(ROOT.resolve("deploy/pgbackrest/pgbackrest-postgres.sh"));
        String configSource = Files.readString(ROOT.resolve(
                "backup-service/src/main/java/org/drcc/backup/pitr/PgBackRestConfig.java"));
        java.util.regex.Matcher pushScript = java.util.regex.Pattern.compile("(?m)^\\s+line (archive-[a-z-]+) (\\S+)$")
                .matcher(startScript);
        Map<String, String> serverPush = new java.util.TreeMap<>();
        while (pushScript.find()) {
            serverPush.put(pushScript.group(1), pushScript.group(2));
        }
        java.util.regex.Matcher pushSource = java.util.regex.Pattern.compile("(?m)^\\s+(archive-[a-z-]+)=(\\S+)$")
                .matcher(configSource);
        Map<String, String> servicePush = new java.util.TreeMap<>();
        while (pushSource.find()) {
            servicePush.put(pushSource.group(1), pushSource.group(2));
        }
        assertThat(serverPush).as("the [global:archive-push] options of deploy/pgbackrest/pgbackrest-postgres.sh")
                .containsEntry("archive-async", "y").isEqualTo(servicePush);
        assertThat(startScript).as("the push's options in their own section").contains("echo \"[global:archive-push]\"");
        assertThat(configSource).as("the push's options in their own section")
                .contains("[global:archive-push]\n            archive-async=y");

        Map<String, String> postgres = environment(read(ROOT.resolve("docker-compose.yml")).path("services").path("postgres"));
        Map<String, String> backup = environment(read(ROOT.resolve("docker-compose.yml")).path("services")
                .path("backup-service"));
        assertThat(postgres.get("DR_PITR_S3_ENDPOINT")).isEqualTo(backup.get("DR_BACKUP_PITR_S3_ENDPOINT"));
        assertThat(postgres.get("DR_PITR_CIPHER_PASS_FILE")).isEqualTo(backup.get("DR_BACKUP_PITR_CIPHER_PASS_FILE"));
        assertThat(postgres.get("DR_PITR_S3_ACCESS_KEY")).isEqualTo(backup.get("DR_S3_ACCESS_KEY"));
        assertThat(postgres.get("DR_PITR_BUCKETS")).as("the tiers in order, as repo1..repo3")
                .isEqualTo("dr-backups-primary dr-backups-secondary dr-backups-tertiary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "notification-service", "metrics-service"})
    void itsImageAndItsScrapeUseItsPort(String name) throws IOException {
        int port = read(ROOT.resolve(name).resolve("src/main/resources/application.yml"))
                .path("server").path("port").asInt();

        Path dockerfile = ROOT.resolve(name).resolve("Dockerfile");
        assertThat(dockerfile).as("%s has no Dockerfile", name).isRegularFile();
        List<String> exposed = Files.readAllLines(dockerfile).stream()
                .map(String::strip)
                .filter(line -> line.toUpperCase().startsWith("EXPOSE "))
                .flatMap(line -> Arrays.stream(line.substring(7).trim().split("\\s+")))
                .map(p -> p.replace("/tcp", ""))
                .toList();
        assertThat(exposed).as("%s: its Dockerfile must EXPOSE its server.port %d", name, port)
                .contains(String.valueOf(port));

        Map<String, String> scraped = scrapeTargets();
        String target = name + ":" + port;
        assertThat(scraped).as("%s: deploy/prometheus/prometheus.yml must scrape %s", name, target)
                .containsKey(target);
        assertThat(scraped.get(target)).as("%s: Prometheus must scrape %s on its metrics path", name, target)
                .isEqualTo("/actuator/prometheus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "notification-service", "metrics-service"})
    void inComposeEachServiceRunsUnderProdAndReadsItsSigningKeyFromAMountedVolume(String name) throws IOException {
        JsonNode settings = read(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
        JsonNode service = read(ROOT.resolve("docker-compose.yml")).path("services").path(name);
        Map<String, String> env = environment(service);
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).as("%s: a missing key must stop it (prod)", name).isEqualTo("prod");
        if (!settings.path("dr").path("audit").path("enabled").asBoolean()) {
            return;
        }
        String keyFile = env.get("DR_AUDIT_SIGNING_KEY_FILE");
        assertThat(keyFile).as("%s: DR_AUDIT_SIGNING_KEY_FILE (the default is the home of a user whose home is "
                + "not writable in the image)", name).isNotBlank();
        String mounts = service.path("volumes").toString();
        String dir = keyFile.substring(0, keyFile.lastIndexOf('/'));
        assertThat(mounts).as("%s: %s must be on a mounted volume, or every rebuild makes a new key", name, dir)
                .contains(":" + dir + "\"");
    }

    @org.junit.jupiter.api.Test
    void prometheusGetsEveryRuleFileItLoadsAndSendsItsAlertsToTheComposedAlertmanager() throws IOException {
        JsonNode prometheus = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        JsonNode services = read(ROOT.resolve("docker-compose.yml")).path("services");
        String mounts = services.path("prometheus").path("volumes").toString();
        for (JsonNode rules : prometheus.path("rule_files")) {
            assertThat(mounts).as("docker-compose.yml must mount %s, which prometheus.yml loads", rules.asText())
                    .contains("./deploy/prometheus/" + rules.asText() + ":/etc/prometheus/" + rules.asText());
        }
        String alertmanagers = prometheus.path("alerting").path("alertmanagers").toString();
        assertThat(alertmanagers).as("prometheus.yml must send its alerts to the composed Alertmanager")
                .contains("alertmanager:9093");
        JsonNode alertmanager = services.path("alertmanager");
        assertThat(alertmanager.path("volumes").toString())
                .contains("./deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml");
        assertThat(alertmanager.path("secrets").toString())
                .as("the on-call webhook URL reaches Alertmanager as a secret file, as alertmanager.yml reads it")
                .contains("oncall_webhook_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "notification-service", "metrics-service"})
    void byDefaultEachServiceTrustsTheComposedIdentityProviderUnderTheIssuerItsTokensName(String name) throws IOException {
        JsonNode services = read(ROOT.resolve("docker-compose.yml")).path("services");
        Map<String, String> keycloak = environment(services.path("keycloak"));
        String realm = read(ROOT.resolve("deploy/keycloak/realm-dr.json")).path("realm").asText();
        String issuer = fallback(keycloak.get("KC_HOSTNAME")) + "/realms/" + realm;
        Map<String, String> env = environment(services.path(name));

        assertThat(fallback(env.get("DR_SECURITY_ISSUER"))).as("%s: the issuer Keycloak writes into tokens", name)
                .isEqualTo(issuer);
        assertThat(fallback(env.get("DR_SECURITY_JWK_SET_URI"))).isEqualTo(issuer + "/protocol/openid-connect/certs");
        assertThat(services.path(name).path("depends_on").has("keycloak")).as("%s waits for the identity provider", name)
                .isTrue();
        assertThat(services.path("keycloak").path("volumes").toString())
                .contains("./deploy/keycloak/realm-dr.json:/opt/keycloak/data/import/realm-dr.json");
    }

    /** The default of a "${VAR:-default}" value, or the value itself. */
    private static String fallback(String value) {
        int dash = value == null ? -1 : value.indexOf(":-");
        return dash < 0 ? value : value.substring(dash + 2, value.lastIndexOf('}'));
    }

    private static JsonNode read(Path file) throws IOException {
        assertThat(file).as("%s is missing", file).isRegularFile();
        return YAML.readTree(file.toFile());
    }

    /** The database a JDBC URL names: jdbc:postgresql://host:port/<database>?options. */
    private static String database(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** Each port mapping as "published:target", whether written short ("8081:8081") or long. */
    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isObject()) {
                ports.add(p.path("published").asText() + ":" + p.path("target").asText());
            } else {
                String[] parts = p.asText().replace("/tcp", "").split(":");
                ports.add(parts.length < 2 ? parts[0] : parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return ports;
    }

    /** The service's environment, whether written as a map or as a list of KEY=value. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(e -> {
                String[] pair = e.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /** Every Prometheus target ("host:port", static or found by DNS) with the metrics path its job scrapes. */
    private static Map<String, String> scrapeTargets() throws IOException {
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : read(ROOT.resolve("deploy/prometheus/prometheus.yml")).path("scrape_configs")) {
            for (JsonNode group : job.path("static_configs")) {
                group.path("targets").forEach(t -> targets.put(t.asText(), job.path("metrics_path").asText("/metrics")));
            }
            // found by DNS: every instance of a scaled service
            for (JsonNode group : job.path("dns_sd_configs")) {
                group.path("names").forEach(n -> targets.put(n.asText() + ":" + group.path("port").asText(),
                        job.path("metrics_path").asText("/metrics")));
            }
        }
        return targets;
    }
}
