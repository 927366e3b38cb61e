/** What each protected database gets: its backup schedule, its RPO and the backups retention keeps. */
package org.drcc.backup.policy;
