/**
 * What each protected database gets: its backup schedule, its RPO and the backups retention keeps; and
 * when a missing tier copy is tried again or given up.
 */
package org.drcc.backup.policy;
