package org.drcc.kit.keys;

import java.nio.file.Path;

/** A key file the service needs is missing where creating keys is not allowed (the {@code prod} profile). */
public class MissingKeyException extends IllegalStateException {

    public MissingKeyException(String setting, Path file) {
        super(setting + ": no key at " + file + ". Mount the key file there (or point " + setting
                + " at it, e.g. through the environment variable " + environmentName(setting) + "); under the prod"
                + " profile a missing key is never replaced by a new one, which would make the records signed or"
                + " sealed with the old key unverifiable or unreadable. For a new installation, start once with"
                + " DR_KEYS_CREATE_MISSING=true to create it, copy it off-site, then remove that setting.");
    }

    /** Spring Boot's relaxed name: dr.audit.signing-key-file is DR_AUDIT_SIGNING_KEY_FILE. */
    static String environmentName(String setting) {
        return setting.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
