/**
 * The long work, in the background: a backup (pg_dump streamed to S3 with its manifest, then the tier copies,
 * then its verification by restore), the retries of missing tier copies, verification by restore, restore,
 * retention, the RPO watch, clean-up after a crash and of backups left running, and the schedules that run them.
 * Each outcome goes to the {@code Backup} aggregate as a command; the RPO alerts and a halted retention are
 * published as events.
 */
package org.drcc.backup.job;
