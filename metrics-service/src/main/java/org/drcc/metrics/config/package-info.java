/**
 * Wiring: the clock, scheduling, the settings records of the other packages, the S3 client and its settings,
 * and metrics-service's rows of the kit's permission table.
 */
package org.drcc.metrics.config;
