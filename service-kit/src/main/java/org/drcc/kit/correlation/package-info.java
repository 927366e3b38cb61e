/**
 * The correlation id that follows an operator's request through the services: HTTP header, log context, Axon
 * metadata, Kafka header. See {@link org.drcc.kit.correlation.Correlation}.
 */
package org.drcc.kit.correlation;
