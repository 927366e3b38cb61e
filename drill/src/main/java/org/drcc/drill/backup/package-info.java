/**
 * The drill's port to backup-service: what it needs of the backups, in its own typed records; and the Food Truck
 * application's checks ({@code AppChecks}), which the host also runs on a database restored to an instant.
 */
package org.drcc.drill.backup;
