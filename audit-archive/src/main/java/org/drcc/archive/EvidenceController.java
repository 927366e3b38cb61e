package org.drcc.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The evidence pack of a time range, as a zip an auditor can check alone. Written straight to the response on
 * the request thread (not a StreamingResponseBody: the async request timeout would cut a large pack short).
 */
@Tag(name = "audit archive")
@RestController
@RequestMapping("/api/audit/evidence")
class EvidenceController {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final EvidencePack pack;
    private final ArchiveCopies copies;

    EvidenceController(EvidencePack pack, ArchiveCopies copies) {
        this.pack = pack;
        this.copies = copies;
    }

    @Operation(summary = "Download the signed evidence pack of a time range (zip)", description = "Events, backup verifications, drills, chain verification and the SOC 2 / ISO 27001 mapping, signed; how to check it is in its README.txt. Streamed; rate-limited.")
    @GetMapping(produces = "application/zip")
    void evidence(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "the archive's copy to read: primary, or offsite (where one is written)")
            @RequestParam(defaultValue = ArchiveCopy.PRIMARY) String copy,
            HttpServletResponse response) throws IOException {
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the range may span at most 366 days; "
                    + "make one pack per year");
        }
        // everything that can fail with a problem+json happens before the first byte: after it, the zip streams
        ArchiveCopy archive = copies.named(copy);
        byte[] verification = pack.verification(archive);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"evidence-" + from.toString().replace(':', '-')
                + "_" + to.toString().replace(':', '-') + ".zip\"");
        pack.write(archive.reader(), from, to, verification, response.getOutputStream());
    }
}
