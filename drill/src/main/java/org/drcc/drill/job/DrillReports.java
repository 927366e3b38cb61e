package org.drcc.drill.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.command.RecordDrillReportCommand;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.Drills;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The drills' Markdown reports in S3. Retention of 2 years is recorded twice: a bucket lifecycle rule that
 * expires reports after the retention (asked for at start-up; a store that refuses it is logged), and a
 * {@code retain-until} metadata entry on each object, which the drill's report event repeats.
 */
@Component
public class DrillReports {

    private static final Logger log = LoggerFactory.getLogger(DrillReports.class);

    private final S3Clients s3;
    private final BucketStore bucket;
    private final Drills drills;
    private final CommandGateway commands;
    private final DrillProperties properties;
    private final Clock clock;

    DrillReports(S3Clients s3, Drills drills, CommandGateway commands, DrillProperties properties, Clock clock) {
        this.s3 = s3;
        this.bucket = s3.bucket(properties.reportsBucket());
        this.drills = drills;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    /** Writes the finished drill's report and records it on the drill; a failure is logged, the drill stands. */
    void store(String drillId) {
        try {
            byte[] markdown = DrillReport.markdown(drills.view(drillId)).getBytes(StandardCharsets.UTF_8);
            String key = "drills/" + drillId + ".md";
            Instant retainUntil = clock.instant().plus(properties.reportRetention());
            bucket.put(key, markdown, "text/markdown; charset=utf-8", Map.of("retain-until", retainUntil.toString()));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(markdown));
            commands.sendAndWait(new RecordDrillReportCommand(drillId, bucket.bucket(), key, sha256, retainUntil,
                    clock.instant()));
        } catch (Exception e) {
            log.error("The report of drill {} could not be stored: {}", drillId, e.toString());
        }
    }

    /** The stored report, or empty when the drill has none (yet); read from the bucket the drill recorded. */
    public Optional<String> read(DrillSummary drill) {
        return Optional.ofNullable(drill.reportKey())
                .flatMap(key -> s3.bucket(drill.reportBucket()).find(key))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Creates the bucket if missing and asks for the lifecycle rule that expires reports after the retention. */
    void prepareBucket() {
        bucket.createExpiring("drill-reports-retention", "drills/", Math.toIntExact(properties.reportRetention().toDays()))
                .ifPresent(refusal -> log.warn("The S3 store refused the lifecycle rule on {} ({}): reports carry their "
                        + "retain-until date, but nothing expires them", bucket.bucket(), refusal));
    }
}
