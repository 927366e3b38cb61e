package org.drcc.backup.retention;

import java.util.List;
import java.util.Map;

/** Which backups stay, each with the first rule that keeps it, and which expire. */
public record RetentionPlan(Map<String, String> kept, List<String> expired) {
}
