/**
 * The operator console: the incident board and room, backups, drills, metrics and audit in a browser. It keeps no
 * database; every page is read from the services' HTTP APIs and every action sent to them with the signed-in
 * person's token, so their permission table and audit trail are the same as for the CLI.
 */
package org.drcc.console;
