package org.drcc.backup.job;

import java.util.Map;
import java.util.TreeMap;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.postgres.PgTarget;
import org.springframework.stereotype.Component;

/** The protected databases and their policies, by name. */
@Component
public class Policies {

    private final Map<String, DatabasePolicy> policies;

    Policies(BackupProperties properties) {
        this.policies = new TreeMap<>(properties.databases());
    }

    public Map<String, DatabasePolicy> all() {
        return policies;
    }

    public DatabasePolicy require(String database) {
        DatabasePolicy policy = policies.get(database);
        if (policy == null) {
            throw new UnknownDatabaseException(database, policies.keySet());
        }
        return policy;
    }

    public PgTarget target(String database) {
        DatabasePolicy policy = require(database);
        return new PgTarget(policy.url(), policy.username(), policy.password());
    }
}
