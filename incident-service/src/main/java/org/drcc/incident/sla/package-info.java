/**
 * The plan's SLA as an event: the {@code ServiceLevel} aggregate (one, id {@code sla}) records
 * {@code dr.plan.sla-stated.v1} when the plan's SLA is first known and whenever plan.yml changes it;
 * {@code SlaStatement} states it at each start. The plan file is the SLA's one source: metrics-service measures
 * against the newest event, the plan check reads the file. It knows no web and no Kafka adapter.
 */
package org.drcc.incident.sla;
