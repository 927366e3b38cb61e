/** The drill's port to backup-service: what it needs of the backups, in its own typed records. */
package org.drcc.drill.backup;
