package org.drcc.kit.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka answers when its cluster can be described within the timeout. One admin client for the service's
 * life, with the admin's own settings (bootstrap servers, TLS, SASL), so that a check costs one request.
 * The answer names no address and repeats no client message: health is open without a token.
 */
final class KafkaHealth implements DisposableBean {

    private final Map<String, Object> config;
    private final Duration timeout;
    private Admin admin;

    KafkaHealth(KafkaAdmin kafkaAdmin, Duration timeout) {
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int ms = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dr-health");
        this.timeout = timeout;
    }

    Health check() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? Health.up().withDetail("brokers", nodes).build()
                    : Health.down().withDetail("error", "the cluster has no broker").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", "no broker answered within " + timeout.toMillis() + " ms ("
                    + rootName(e) + ")").build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
