package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.drcc.backup.catalog.CatalogRebuild;
import org.drcc.backup.catalog.RebuildReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds the backup catalogue from a tier's catalogue objects. Answers when it is done, with the report: it reads
 * every unknown backup's dump in full, so it takes as long as reading them (the CLI waits for it).
 */
@Tag(name = "catalogue", description = "Know a tier's backups again from the catalogue objects beside its dumps")
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CatalogRebuild rebuild;

    CatalogController(CatalogRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Rebuild the catalogue from one tier", description = "Imports each backup not known whose dump reads with the SHA-256 and size its catalogue object recorded; reports the rest. Answers when done. Rate-limited.")
    @PostMapping("/rebuild")
    RebuildReport rebuild(@Valid @RequestBody CatalogRebuildRequest request, Principal caller) {
        return rebuild.rebuild(request.from(), caller.getName());
    }
}
