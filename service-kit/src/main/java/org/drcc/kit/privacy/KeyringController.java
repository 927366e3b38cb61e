package org.drcc.kit.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rotation of the keyring's key-encryption key; the keyring is shared, so one service does it for all. */
@RestController
@RequestMapping("/api/privacy/keyring")
@Tag(name = "privacy")
public class KeyringController {

    private static final Logger log = LoggerFactory.getLogger(KeyringController.class);

    /** What a rotation did: the key-encryption key that wraps now, and how many rows it re-wrapped. */
    public record Rotation(long kekId, int rewrapped) {
    }

    private final Keyring keyring;
    private final Path kekFile;

    KeyringController(Keyring keyring, Path kekFile) {
        this.keyring = keyring;
        this.kekFile = kekFile;
    }

    @PostMapping("/rotate")
    @Operation(summary = "Re-wrap every key of the keyring with the key-encryption key's primary key",
            description = "With newKey=true a new key is first added to the keyset file and made primary (a local "
                    + "suite; where the file is a mounted secret, add it with tinkey and call without newKey). The "
                    + "older keys still open what they wrapped until this has run; then they may be removed.")
    Rotation rotate(@RequestParam(defaultValue = "false") boolean newKey, java.security.Principal caller) {
        if (newKey) {
            KeyEncryptionKey.addPrimaryKey(kekFile);
        }
        Rotation rotation = new Rotation(keyring.kekId(), keyring.rotate());
        log.info("{} rotated the keyring's key-encryption key to {} ({} rows re-wrapped)", caller.getName(),
                rotation.kekId(), rotation.rewrapped());
        return rotation;
    }
}
