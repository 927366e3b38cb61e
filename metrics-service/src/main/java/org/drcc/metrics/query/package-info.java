/**
 * The facts (one row per incident, backup, decided notification deadline and drill) and their projections, where each
 * event sets its own columns so order and redelivery do not matter; and the queries that compute the figures
 * from them at each request with {@code figures}.
 */
package org.drcc.metrics.query;
