/**
 * Planned maintenance windows: the {@code MaintenanceWindow} aggregate and its command, where a window is decided
 * (scheduled before it starts, a bounded length) and stored as {@code dr.plan.maintenance-window-scheduled.v1}.
 * metrics-service excludes the windows from the SLA. Like {@code command}, it knows no web and no Kafka adapter.
 */
package org.drcc.incident.maintenance;
