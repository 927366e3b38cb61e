package org.drcc.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.drcc.kit.privacy.Keyring;
import org.drcc.kit.privacy.PersonalDataCipher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The archive of every topic in the audit bucket: checked on its own, and replayed for older ranges. */
@Tag(name = "audit archive", description = "The archive of every topic in the audit bucket: verify it, replay from it")
@RestController
@RequestMapping("/api/audit/archive")
class ArchiveController {

    static final int MAX_LIMIT = 100_000;

    private final ArchiveVerifier verifier;
    private final ArchiveReader reader;
    private final ArchiveProperties settings;
    private final ObjectMapper json;
    private final Keyring keyring;
    private final PersonalDataCipher personalData;

    ArchiveController(ArchiveVerifier verifier, ArchiveReader reader, ArchiveProperties settings, ObjectMapper json,
                      Keyring keyring, PersonalDataCipher personalData) {
        this.verifier = verifier;
        this.reader = reader;
        this.settings = settings;
        this.json = json;
        this.keyring = keyring;
        this.personalData = personalData;
    }

    @Operation(summary = "Verify the archive: every segment's signature and the chain between them")
    @GetMapping("/verify")
    ArchiveReport verify() {
        return verifier.verify(settings.groupId());
    }

    /** Archived CloudEvents of every service as JSON lines, in topic, partition and offset order. */
    @Operation(summary = "Replay archived events as NDJSON", description = "Filters combine (topic, incident, actor, type, time range).")
    @GetMapping(value = "/events", produces = "application/x-ndjson")
    void events(@RequestParam(required = false) String topic, @RequestParam(required = false) String incidentId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "10000") int limit, HttpServletResponse response) throws IOException {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        response.setContentType("application/x-ndjson");
        OutputStream out = response.getOutputStream();
        int[] written = {0};
        UUID actorSubject = actor == null ? null : keyring.subjectOf(actor).orElse(null);
        reader.replay(new ArchiveQuery(topic, incidentId, actor, actorSubject, type, from, to), line -> {
            // archived as stored: personal fields sealed; the reader sees them opened, or [forgotten]
            personalData.openAll(line.path("payload"));
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ++written[0] < limit;
        });
        out.flush();
    }
}
