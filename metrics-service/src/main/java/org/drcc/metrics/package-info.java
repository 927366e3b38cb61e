/**
 * metrics-service: the DR plan's recovery metrics and the backup and notification figures, computed from facts
 * projected from the topics, served on the API, to Prometheus and as a monthly report. This package holds only
 * the application class.
 */
package org.drcc.metrics;
