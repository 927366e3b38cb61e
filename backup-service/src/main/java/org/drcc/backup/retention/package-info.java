/**
 * Grandfather-father-son retention as a pure function: which backups stay, by which rule, and which expire.
 * It touches neither S3 nor a database: {@code job.RetentionJob} applies the plan it returns.
 */
package org.drcc.backup.retention;
