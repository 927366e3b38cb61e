/**
 * The HTTP API under {@code /api/metrics}: the figures of a period, per incident and counts, the monthly reports,
 * and the replay of the facts; a bad parameter is a 400 naming it.
 */
package org.drcc.metrics.web;
