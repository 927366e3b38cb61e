package org.drcc.incident.plan;

import java.time.Duration;
import java.util.List;
import org.drcc.contract.incident.Severity;

/** One of the plan's disaster scenarios; {@code rpo} is null where no data can be lost (versioned code). */
public record Scenario(
        String id,
        String name,
        Severity severity,
        Probability probability,
        Duration rto,
        Duration rpo,
        String estimatedRecovery,
        List<String> symptoms,
        List<String> recoverySteps) {
}
