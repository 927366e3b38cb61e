package org.drcc.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
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
    static final String COPY = "the archive's copy to read: primary, or offsite (where one is written; GET /api/audit/archive/copies)";

    private final ArchiveCopies copies;
    private final ObjectMapper json;
    private final Keyring keyring;
    private final PersonalDataCipher personalData;

    ArchiveController(ArchiveCopies copies, ObjectMapper json, Keyring keyring, PersonalDataCipher personalData) {
        this.copies = copies;
        this.json = json;
        this.keyring = keyring;
        this.personalData = personalData;
    }

    @Operation(summary = "Verify the archive: every segment's signature and the chain between them",
            description = "One copy at a time: the primary, or the off-site copy (each is a whole archive of its own).")
    @GetMapping("/verify")
    ArchiveReport verify(@Parameter(description = COPY) @RequestParam(defaultValue = ArchiveCopy.PRIMARY) String copy) {
        return copies.named(copy).verify();
    }

    /** The copies this service writes, the primary first: what {@code ?copy=} can name. */
    @Operation(summary = "List the archive's copies (primary, and the off-site copy where one is written)")
    @GetMapping("/copies")
    List<CopyView> copies() {
        return copies.all().stream().map(c -> new CopyView(c.name(), c.bucket(), c.store())).toList();
    }

    /** A copy as the API shows it: where it is, never how to sign in there. */
    record CopyView(String name, String bucket, String store) {
    }

    /** Archived CloudEvents of every service as JSON lines, in topic, partition and offset order. */
    @Operation(summary = "Replay archived events as NDJSON", description = "Filters combine (topic, incident, actor, type, time range).")
    @GetMapping(value = "/events", produces = "application/x-ndjson")
    void events(@RequestParam(required = false) String topic, @RequestParam(required = false) String incidentId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "10000") int limit,
            @Parameter(description = COPY) @RequestParam(defaultValue = ArchiveCopy.PRIMARY) String copy,
            HttpServletResponse response) throws IOException {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        ArchiveReader reader = copies.named(copy).reader();
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
