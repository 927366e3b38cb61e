package org.drcc.incident.archive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The archive of every topic in the audit bucket, checked on its own. */
@RestController
@RequestMapping("/api/audit/archive")
class ArchiveController {

    private final ArchiveVerifier verifier;
    private final ArchiveProperties settings;

    ArchiveController(ArchiveVerifier verifier, ArchiveProperties settings) {
        this.verifier = verifier;
        this.settings = settings;
    }

    @GetMapping("/verify")
    ArchiveReport verify() {
        return verifier.verify(settings.groupId());
    }
}
