package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerting that docker-compose deploys, checked by the tools Prometheus and Alertmanager ship: the rules'
 * own unit tests ({@code promtool test rules}), the configuration files, and where Alertmanager routes a page.
 * promtool and amtool come with Debian's {@code prometheus} and {@code prometheus-alertmanager} packages
 * (installed by .ci/run; the README names them).
 */
class PrometheusRulesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void theAlertRulesPassTheirUnitTestsAndPrometheusAcceptsItsConfiguration() throws Exception {
        assertThat(run("promtool", "test", "rules", "alerts-test.yml", "operations-alerts-test.yml"))
                .contains("SUCCESS").doesNotContain("FAILED");
        assertThat(run("promtool", "check", "config", "prometheus.yml"))
                .contains("operations-alerts.yml").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasAUnitTestThatFiresIt() throws IOException {
        for (String rules : List.of("alerts", "operations-alerts")) {
            String tests = Files.readString(DEPLOY.resolve("prometheus/" + rules + "-test.yml"));
            List<String> alerts = Pattern.compile("- alert: (\\w+)")
                    .matcher(Files.readString(DEPLOY.resolve("prometheus/" + rules + ".yml"))).results()
                    .map(m -> m.group(1)).toList();
            assertThat(alerts).as(rules).isNotEmpty();
            List<String> untested = new ArrayList<>();
            for (String alert : alerts) {
                // a test that expects the alert to fire names it and lists expected labels after it
                if (!Pattern.compile("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels").matcher(tests).find()) {
                    untested.add(alert);
                }
            }
            assertThat(untested).as(rules + ": alerts no promtool test shows firing").isEmpty();
        }
    }

    @Test
    void criticalAlertsPageTheOnCallChannelAndInformationPagesNobody() throws Exception {
        String config = "--config.file=" + DEPLOY.resolve("alertmanager/alertmanager.yml");
        assertThat(run("amtool", "check-config", "alertmanager/alertmanager.yml")).contains("SUCCESS");
        assertThat(run("amtool", "config", "routes", "test", config, "severity=critical", "alertname=DrServiceDown"))
                .isEqualTo("on-call");
        assertThat(run("amtool", "config", "routes", "test", config, "severity=warning", "alertname=DrConsumerLag"))
                .isEqualTo("on-call");
        assertThat(run("amtool", "config", "routes", "test", config, "severity=info", "alertname=DrIncidentOpen"))
                .isEqualTo("none");
    }

    @Test
    void theOnCallWebhookIsASecretFileNeverWrittenInTheConfiguration() throws IOException {
        String config = Files.readString(DEPLOY.resolve("alertmanager/alertmanager.yml"));
        assertThat(config).contains("api_url_file:").doesNotContain("api_url:").doesNotContain("hooks.slack.com");
        List<String> urls = Pattern.compile("https?://\\S+").matcher(config).results().map(MatchResult::group).toList();
        assertThat(urls).isEmpty();
    }

    /** Runs a tool in deploy/prometheus or deploy/ and answers its trimmed standard output; fails with how to get it. */
    private static String run(String... command) throws Exception {
        Path dir = command[0].equals("promtool") ? DEPLOY.resolve("prometheus") : DEPLOY;
        Path err = Files.createTempFile(command[0], ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(err.toFile())).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not on the PATH: install Debian's "
                    + (command[0].equals("promtool") ? "prometheus" : "prometheus-alertmanager")
                    + " package (.ci/run does)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String errors = Files.readString(err);
        Files.delete(err);
        assertThat(done).as(String.join(" ", command) + " did not finish").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out + "\n" + errors).isZero();
        return out;
    }
}
