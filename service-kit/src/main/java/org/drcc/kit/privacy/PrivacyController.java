package org.drcc.kit.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Forget this person" (GDPR Art. 17), in every service, under four eyes: one person requests, another
 * confirms on each service; {@code dr privacy forget} and {@code dr privacy confirm} call them.
 */
@RestController
@RequestMapping("/api/privacy/erasures")
@Tag(name = "privacy", description = "Erasure of a person's personal data by crypto-shredding, under four eyes")
public class PrivacyController {

    private final Erasures erasures;

    PrivacyController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Request the erasure of a person; a second person confirms it before anything is erased",
            description = "Refused (409) for oneself and for a person under a legal hold.")
    ErasureTicket request(@Valid @RequestBody ErasureRequest request, Principal caller) {
        return erasures.request(request.identifier(), request.reason(), caller.getName());
    }

    @PostMapping("/{erasureId}/confirm")
    @Operation(summary = "Confirm a requested erasure and erase this service's part: destroy the person's key, "
            + "overwrite their identifier in this service's read models",
            description = "Refused (409) to the requester, for oneself, for another person than the request's, and "
                    + "under a legal hold. Their events stay, and their hash chain still verifies; the personal "
                    + "fields read [forgotten].")
    ErasureReport confirm(@PathVariable UUID erasureId, @Valid @RequestBody ErasureConfirmation confirmation,
                          Principal caller) {
        return erasures.confirm(erasureId, confirmation.identifier(), caller.getName());
    }
}
