/**
 * Key files: where every key of a service comes from, and the one rule on creating a missing one (never under
 * the {@code prod} profile). Used by the audit signing keys and the key-encryption keys.
 */
package org.drcc.kit.keys;
