/**
 * backup-service's events on {@code dr.backup.events} (sealed {@code BackupEvent}): a backup's life from start (or
 * its import from a tier's catalogue object) to expiry, its tier copies, verifications and restores, a protected
 * database's RPO at risk or recovered, and point-in-time recovery (base backups, the WAL archive's lag, restores
 * to an instant). Each record's {@code @JsonTypeName} is its versioned CloudEvents type.
 */
package org.drcc.contract.backup;
