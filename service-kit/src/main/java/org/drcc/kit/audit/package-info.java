/**
 * The provable audit trail of a service's Axon event store: with {@code db/audit} the database keeps the store
 * append-only and hash-chained; here the chain head is signed with Ed25519 at an interval, and the whole chain is
 * verified in Java, independently of the database ({@code /api/audit/verify}). On with {@code dr.audit.enabled}.
 */
package org.drcc.kit.audit;
