/**
 * The dumps' client-side envelope encryption: each dump is encrypted with a streaming AEAD data key of its own
 * ({@code DumpEnvelopes}), which is wrapped by a key-encryption key named by an id ({@code KeyEncryptionKeys}, read
 * from files) and stored in the object's header. Old key ids stay configured so older backups stay restorable.
 */
package org.drcc.backup.encryption;
