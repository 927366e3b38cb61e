/**
 * The read side: the backups' read model, projected by a subscribing processor in the transaction that stores
 * the events (so the API reads its own writes), and the incident holds that keep backups from retention.
 */
package org.drcc.backup.query;
