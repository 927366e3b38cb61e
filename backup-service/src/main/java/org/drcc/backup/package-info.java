/**
 * backup-service: takes, copies, verifies, restores and expires the backups of the protected PostgreSQL
 * databases, and hosts the drill module ({@code org.drcc.drill}), which reaches it only through its
 * {@code BackupDesk} port. This package holds only the application class.
 */
package org.drcc.backup;
