/**
 * Crypto-shredding of personal data: fields marked {@code @PersonalData} are sealed with their person's key in
 * the event stores and on Kafka; an erasure, requested by one person and confirmed by another
 * ({@code /api/privacy/erasures}), overwrites the person in the service's declared read-model columns and
 * destroys the key in the shared keyring. The keyring's keys are stored wrapped by a key-encryption key kept
 * outside its database ({@code KeyEncryptionKey}, a Google Tink keyset).
 */
package org.drcc.kit.privacy;
