package org.drcc.incident.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.incident.evidence.SeenEvents;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Generates the post-incident report when a real incident is closed (drills have their own) and keeps it in S3
 * next to the drill reports, under {@code incidents/<id>/}: a lifecycle rule expires it after the retention and each
 * object carries its {@code retain-until}. Tracking processor {@value #GROUP}, which never skips: while S3 is down
 * it retries the close instead of losing the report.
 */
@Component
@ProcessingGroup(IncidentReports.GROUP)
public class IncidentReports {

    public static final String GROUP = "incident-report";
    private static final Logger log = LoggerFactory.getLogger(IncidentReports.class);

    private final IncidentHistory history;
    private final SeenEvents seen;
    private final S3Clients s3;
    private final ReportSettings settings;
    private final Clock clock;
    private volatile boolean prepared;

    IncidentReports(IncidentHistory history, SeenEvents seen, S3Clients s3, ReportSettings settings, Clock clock) {
        this.history = history;
        this.seen = seen;
        this.s3 = s3;
        this.settings = settings;
        this.clock = clock;
    }

    /** The format of a stored report. */
    public enum Format {
        MARKDOWN("post-incident-report.md", "text/markdown; charset=utf-8"),
        HTML("post-incident-report.html", "text/html; charset=utf-8");

        private final String file;
        private final String contentType;

        Format(String file, String contentType) {
            this.file = file;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    @EventHandler
    void on(IncidentClosedEvent closed) {
        if (closed.targets().drill()) {
            return;
        }
        store(closed.incidentId());
    }

    /** Generates the incident's report from its events now and stores both formats. */
    public void store(String incidentId) {
        BucketStore bucket = prepared();
        Instant now = clock.instant();
        PostIncidentReport.Rendered report = PostIncidentReport.render(history.current(incidentId),
                history.events(incidentId), seen.messages(incidentId), now);
        Map<String, String> meta = Map.of("retain-until", now.plus(settings.retention()).toString());
        bucket.put(key(incidentId, Format.MARKDOWN), report.markdown().getBytes(StandardCharsets.UTF_8),
                Format.MARKDOWN.contentType(), meta);
        bucket.put(key(incidentId, Format.HTML), report.html().getBytes(StandardCharsets.UTF_8),
                Format.HTML.contentType(), meta);
        log.info("Post-incident report of incident {} stored in s3://{}/{}", incidentId, bucket.bucket(),
                key(incidentId, Format.MARKDOWN));
    }

    public Optional<byte[]> read(String incidentId, Format format) {
        return s3.bucket(settings.bucket()).find(key(incidentId, format));
    }

    static String key(String incidentId, Format format) {
        return "incidents/" + incidentId + "/" + format.file;
    }

    /** The bucket, created on the first report with its expiry rule (a store that refuses the rule is logged). */
    private BucketStore prepared() {
        BucketStore bucket = s3.bucket(settings.bucket());
        if (!prepared) {
            bucket.createExpiring("incident-reports-retention", "incidents/", Math.toIntExact(settings.retention().toDays()))
                    .ifPresent(refusal -> log.warn("The S3 store refused the lifecycle rule on {} ({}): reports carry "
                            + "their retain-until date, but nothing expires them", bucket.bucket(), refusal));
            prepared = true;
        }
        return bucket;
    }
}
