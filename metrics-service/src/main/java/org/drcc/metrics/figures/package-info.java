/**
 * The definitions of the figures as pure functions of the facts (MTTR, MTBF, RTO and RPO verdicts, test success,
 * backup and deadline rates); an incident's recovery is judged with recovery-rules. No Spring, no database:
 * one unit test per edge case.
 */
package org.drcc.metrics.figures;
