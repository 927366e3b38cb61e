/**
 * What every event-sourced service runs on Axon: the one relay from the event store to Kafka (a service
 * declares only its {@link org.drcc.kit.axon.RelayRoute}s) and the processing groups that never skip an event.
 * It lives in service-kit behind {@code @ConditionalOnClass}, with Axon an optional dependency, as the sealing
 * serializer already does: a separate module would add a pom, a README row and a dependency in three
 * services for three classes, and metrics-service, which has no Axon, never loads them.
 */
package org.drcc.kit.axon;
