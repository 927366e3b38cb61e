/** The Micrometer gauges Prometheus scrapes: figures of the gauge window, read from the facts at each scrape. */
package org.drcc.metrics.gauges;
