package org.drcc.kit.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Forget this person" (GDPR Art. 17), in every service; {@code dr privacy forget} calls them all. */
@RestController
@RequestMapping("/api/privacy")
@Tag(name = "privacy", description = "Erasure of a person's personal data by crypto-shredding")
public class PrivacyController {

    private final PersonalDataEraser eraser;

    PrivacyController(PersonalDataEraser eraser) {
        this.eraser = eraser;
    }

    @PostMapping("/forget")
    @Operation(summary = "Forget a person: destroy their key, overwrite their identifier in this service's read models",
            description = "Their events stay, and their hash chain still verifies; the personal fields read [forgotten].")
    ErasureReport forget(@Valid @RequestBody ErasureRequest request, Principal caller) {
        return eraser.erase(request.identifier(), request.reason(), caller.getName());
    }
}
