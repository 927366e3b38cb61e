/**
 * The backups page: per protected database the newest verified backup against its RPO, the recent backups with
 * their tier copies and verification, and the actions backup-service offers (back up now, verify, restore with the
 * confirmation it demands before overwriting the live database), each one call with the signed-in person's token.
 */
package org.drcc.console.backup;
