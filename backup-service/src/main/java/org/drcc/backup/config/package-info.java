/**
 * Wiring: Axon, the clock, the pg tools and the compression threads, the S3 client, the settings records
 * ({@code BackupProperties}, {@code S3Properties}), and backup-service's rows of the kit's permission, rate-limit
 * and personal-data tables. The schedules live with the jobs they run, not here.
 */
package org.drcc.backup.config;
