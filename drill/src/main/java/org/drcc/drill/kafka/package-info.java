/** Publishes the stored drill events to {@code dr.drill.events}; an adapter, no policy. */
package org.drcc.drill.kafka;
