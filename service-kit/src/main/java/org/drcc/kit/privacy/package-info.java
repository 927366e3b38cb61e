/**
 * Crypto-shredding of personal data: fields marked {@code @PersonalData} are sealed with their person's key in
 * the event stores and on Kafka; {@code POST /api/privacy/forget} overwrites the person in the service's declared
 * read-model columns and destroys the key in the shared keyring.
 */
package org.drcc.kit.privacy;
