/**
 * Point-in-time recovery of the protected server with pgBackRest: its configuration (the three tiers as S3
 * repositories, encrypted), the scheduled base backups and their retention, the WAL archive's lag, and the restore
 * of one database as it was at an instant through a temporary cluster. Each outcome is recorded as an event.
 */
package org.drcc.backup.pitr;
