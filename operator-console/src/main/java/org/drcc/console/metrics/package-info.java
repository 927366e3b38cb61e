/**
 * The metrics page: metrics-service's figures of the last 30 days against the plan's targets (MTTR, MTBF, RTO and
 * RPO achievement, test success, deadlines met per tier, backup success and verification), and the last six months'
 * trend as a chart.
 */
package org.drcc.console.metrics;
