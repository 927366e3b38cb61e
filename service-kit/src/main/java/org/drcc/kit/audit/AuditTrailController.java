package org.drcc.kit.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proves the trail untouched: verify the chain and its checkpoints; publish the key to check them with. */
@Tag(name = "audit trail")
@RestController
@RequestMapping("/api/audit")
class AuditTrailController {

    private final ChainVerifier verifier;
    private final ChainSigner signer;
    private final CheckpointWriter checkpoints;

    AuditTrailController(ChainVerifier verifier, ChainSigner signer, CheckpointWriter checkpoints) {
        this.verifier = verifier;
        this.signer = signer;
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "Verify this service's event store: the hash chain and its signed checkpoints")
    @GetMapping("/verify")
    ChainReport verify() {
        return verifier.verify();
    }

    /** Signs the current head now, without waiting for the interval. */
    @Operation(summary = "Sign a checkpoint of the chain head now")
    @PostMapping("/checkpoints")
    ChainReport checkpointNow() {
        checkpoints.checkpoint();
        return verifier.verify();
    }

    @Operation(summary = "The Ed25519 key that signs the checkpoints")
    @GetMapping("/public-key")
    Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "keyId", signer.keyId(), "x509",
                Base64.getEncoder().encodeToString(signer.publicKey()));
    }
}
