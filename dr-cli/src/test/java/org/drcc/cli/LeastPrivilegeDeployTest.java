package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What docker-compose gives each service: its own PostgreSQL roles (deploy/postgres/least-privilege.psql, proved
 * on a real server by the kit's LeastPrivilegeIT) and its own S3 user limited by deploy/minio/&lt;service&gt;.json.
 * No S3 server obtainable here enforces IAM policies, so the policies are checked as documents: what each allows,
 * and that nothing may delete from or unlock the audit archive.
 */
class LeastPrivilegeDeployTest {

    private static final Path ROOT = Path.of("..");
    private static final String AUDIT = "arn:aws:s3:::dr-audit-archive";
    /** The buckets each service uses by default (their settings classes and application.yml). */
    private static final Map<String, List<String>> BUCKETS = Map.of(
            "incident-service", List.of("dr-audit-archive", "dr-drill-reports"),
            "backup-service", List.of("dr-backups-primary", "dr-backups-secondary", "dr-backups-tertiary", "dr-drill-reports"),
            "metrics-service", List.of("dr-metrics-reports"));

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "notification-service", "metrics-service"})
    void eachServiceRunsAsItsOwnRoleAndMigratesAsAnother(String name) throws IOException {
        Map<String, String> env = environment(name);
        String prefix = name.replace("-service", "");
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(name).isEqualTo(prefix + "_app");
        assertThat(env.get("SPRING_FLYWAY_USER")).as(name).isEqualTo(prefix + "_migrator");
        assertThat(env.get("DR_PRIVACY_KEYRING_USERNAME")).as(name).isEqualTo("keyring_app");
        String roles = Files.readString(ROOT.resolve("deploy/postgres/least-privilege.psql"));
        assertThat(roles).contains("CREATE ROLE " + prefix + "_app LOGIN")
                .contains("CREATE ROLE " + prefix + "_migrator LOGIN")
                .contains("CREATE DATABASE " + prefix + " OWNER " + prefix + "_migrator;");
        assertThat(Files.readString(ROOT.resolve("deploy/postgres/init.sh")))
                .as("init.sh passes every role's password").contains(prefix + "_app").contains(prefix + "_migrator");
        assertThat(String.join(" ", env.values())).as(name + " must not connect as the superuser")
                .doesNotContain("${POSTGRES_USER").doesNotContain("${POSTGRES_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "backup-service", "metrics-service"})
    void eachServiceUsesItsOwnS3UserLimitedToItsBuckets(String name) throws IOException {
        Map<String, String> env = environment(name);
        assertThat(env.get("DR_S3_ACCESS_KEY")).as(name + ": its own S3 user, not MinIO's root").isEqualTo(name);
        JsonNode policy = policy(name);
        List<String> allowed = resources(policy, "Allow");
        for (String bucket : BUCKETS.get(name)) {
            assertThat(allowed).as(name + " needs " + bucket).contains("arn:aws:s3:::" + bucket);
        }
        assertThat(allowed).as(name + ": only its own buckets")
                .allMatch(r -> BUCKETS.get(name).stream().anyMatch(b -> r.startsWith("arn:aws:s3:::" + b)));
        assertThat(actions(policy, "Allow")).as(name + ": no wildcard grants").noneMatch(a -> a.contains("*"));
        String minioInit = read(ROOT.resolve("docker-compose.yml")).path("services").path("minio-init").toString();
        assertThat(minioInit).contains("/policies/$${service}.json").contains(name);
    }

    /**
     * The reports' bucket holds the drills' reports (the plan keeps test results 2 years) and the post-incident
     * reports (recovery reports, 7 years): compose's lifecycle gives each prefix its own rule, under the id the
     * service that writes it asks for, and replaces any older rule (one without a prefix expired both at 2 years).
     */
    @Test
    void theReportsBucketKeepsDrillReportsTwoYearsAndRecoveryReportsSevenEachUnderItsServicesRule() throws IOException {
        JsonNode rules = read(ROOT.resolve("deploy/minio/drill-reports-lifecycle.json")).path("Rules");
        Map<String, String> kept = new java.util.HashMap<>();
        rules.forEach(r -> kept.put(r.path("ID").asText(),
                r.path("Filter").path("Prefix").asText() + " " + r.path("Expiration").path("Days").asInt()));
        assertThat(kept).containsOnly(Map.entry("drill-reports-retention", "drills/ 730"),
                Map.entry("incident-reports-retention", "incidents/ 2557"));
        assertThat(Files.readString(ROOT.resolve("drill/src/main/java/org/drcc/drill/job/DrillReports.java")))
                .contains("\"drill-reports-retention\", \"drills/\"");
        assertThat(Files.readString(ROOT.resolve("incident-service/src/main/java/org/drcc/incident/report/IncidentReports.java")))
                .contains("\"incident-reports-retention\", \"incidents/\"");
        String minioInit = read(ROOT.resolve("docker-compose.yml")).path("services").path("minio-init").toString();
        assertThat(minioInit).contains("mc ilm rule import dr/dr-drill-reports < /policies/drill-reports-lifecycle.json")
                .doesNotContain("ilm rule add");
        // each service writes under its own prefix only
        assertThat(resources(policy("backup-service"), "Allow")).contains("arn:aws:s3:::dr-drill-reports/drills/*")
                .doesNotContain("arn:aws:s3:::dr-drill-reports/*");
        assertThat(resources(policy("incident-service"), "Allow")).contains("arn:aws:s3:::dr-drill-reports/incidents/*")
                .doesNotContain("arn:aws:s3:::dr-drill-reports/*");
    }

    @Test
    void noServiceMayDeleteFromOrUnlockTheAuditArchive() throws IOException {
        List<String> forbidden = List.of("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention",
                "s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteBucket");
        for (String name : BUCKETS.keySet()) {
            JsonNode policy = policy(name);
            for (JsonNode statement : policy.path("Statement")) {
                boolean onAudit = texts(statement.path("Resource")).stream().anyMatch(r -> r.startsWith(AUDIT));
                if (onAudit && statement.path("Effect").asText().equals("Allow")) {
                    assertThat(texts(statement.path("Action"))).as(name + " on the audit archive")
                            .doesNotContainAnyElementsOf(forbidden);
                }
            }
            List<String> denied = new ArrayList<>();
            for (JsonNode statement : policy.path("Statement")) {
                if (statement.path("Effect").asText().equals("Deny")
                        && texts(statement.path("Resource")).contains(AUDIT + "/*")) {
                    denied.addAll(texts(statement.path("Action")));
                }
            }
            assertThat(denied).as(name + ": an explicit deny of deleting audit records")
                    .containsAnyOf("s3:*", "s3:DeleteObject");
        }
    }

    /** The off-site store's user for incident-service's copy of the archive: append and read that bucket, nothing else. */
    @Test
    void theOffSiteCopysUserMayOnlyAppendToItsBucket() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(ROOT.resolve("deploy/minio/offsite/incident-service.json").toFile());
        String offsite = "arn:aws:s3:::dr-audit-archive-offsite";
        assertThat(resources(policy, "Allow")).containsOnly(offsite, offsite + "/*");
        assertThat(actions(policy, "Allow")).as("no wildcard, no delete")
                .noneMatch(a -> a.contains("*") || a.startsWith("s3:Delete") || a.equals("s3:BypassGovernanceRetention"));
        assertThat(actions(policy, "Deny")).contains("s3:DeleteObject", "s3:DeleteObjectVersion",
                "s3:BypassGovernanceRetention", "s3:PutBucketObjectLockConfiguration");
        assertThat(resources(policy, "Deny")).contains(offsite + "/*");
    }

    private static JsonNode policy(String name) throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("deploy/minio/" + name + ".json").toFile());
    }

    private static List<String> resources(JsonNode policy, String effect) {
        List<String> all = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            if (s.path("Effect").asText().equals(effect)) {
                all.addAll(texts(s.path("Resource")));
            }
        });
        return all;
    }

    private static List<String> actions(JsonNode policy, String effect) {
        List<String> all = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            if (s.path("Effect").asText().equals(effect)) {
                all.addAll(texts(s.path("Action")));
            }
        });
        return all;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static Map<String, String> environment(String service) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        read(ROOT.resolve("docker-compose.yml")).path("services").path(service).path("environment").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static JsonNode read(Path file) throws IOException {
        return new YAMLMapper().readTree(file.toFile());
    }
}
