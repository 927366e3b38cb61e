package org.drcc.backup.drill.job;

import java.time.Duration;

/** The plan's targets for a scenario, as incident-service serves them; {@code rpo} is null where none applies. */
record ScenarioTargets(String scenario, Duration rto, Duration rpo) {
}
