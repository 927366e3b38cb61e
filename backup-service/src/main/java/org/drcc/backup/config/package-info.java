/**
 * Wiring only: Axon, the clock, the pg tools and the compression threads, the settings records (each in the
 * package that reads it: {@code policy.BackupProperties}, {@code storage.S3Properties},
 * {@code retention.RetentionSettings}), and backup-service's rows of the kit's permission, rate-limit and
 * personal-data tables. The schedules live with the jobs they run, not here.
 */
package org.drcc.backup.config;
