/** backup-service's side of the drill module's {@code BackupDesk} port: its backups, jobs and tools, in the drill's records. */
package org.drcc.backup.drilldesk;
