/**
 * Grandfather-father-son retention as a pure function: which backups stay, by which rule, and which expire;
 * and whether the clock it counts from can be trusted ({@code ClockGuard}). It touches neither S3 nor a
 * database: {@code job.RetentionJob} reads the clocks, applies the plan it returns, and caps its deletions.
 */
package org.drcc.backup.retention;
