/**
 * What crosses a service boundary: the Kafka topic names and the {@code @PersonalData} marker; the events are in
 * one subpackage per producer. The JDK and Jackson's annotations only: no Spring, no Axon, no JPA, and no command
 * or query, which stay in the service that handles them.
 */
package org.drcc.contract;
