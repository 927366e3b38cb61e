package org.drcc.kit.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keyring of personal-data keys lives ({@code dr.privacy.keyring.*}): one database that every
 * service of the suite shares, so that forgetting a person destroys the one key all of them use. When
 * no URL is given the service's own database holds it (fine for a single service, not for the suite).
 * {@code keyCacheTtl} bounds how long an instance keeps using a key another instance has destroyed.
 * {@code legalHolds} ({@code DR_PRIVACY_LEGAL_HOLDS}, comma-separated user names or addresses): people whose
 * data must be kept (litigation, an investigation); their erasure is refused until they are taken off the list.
 * Set it alike on every service. {@code kekFile} ({@code DR_PRIVACY_KEK_FILE}, default
 * {@code ~/.drcc/keyring-kek.json}): the Tink keyset that wraps the keyring's keys, the same file on every
 * service, never beside the keyring's database or in its backups.
 */
@ConfigurationProperties("dr.privacy")
public record PrivacyProperties(Keyring keyring, @DefaultValue("60s") Duration keyCacheTtl, List<String> legalHolds,
                                Path kekFile) {

    public PrivacyProperties {
        keyring = keyring == null ? new Keyring(null, null, null) : keyring;
        legalHolds = legalHolds == null ? List.of() : List.copyOf(legalHolds);
        kekFile = kekFile == null ? Path.of(System.getProperty("user.home"), ".drcc", "keyring-kek.json") : kekFile;
    }

    public record Keyring(String url, String username, String password) {
    }
}
