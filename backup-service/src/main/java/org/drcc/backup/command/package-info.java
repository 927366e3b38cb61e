/**
 * The {@code Backup} aggregate and its commands: what may happen to a backup and when (only a completed,
 * verified backup is restored; over the protected database only when confirmed). The jobs report what they did
 * here; the events applied are the contract's. Knows no web and no Kafka adapter (a house rule).
 */
package org.drcc.backup.command;
