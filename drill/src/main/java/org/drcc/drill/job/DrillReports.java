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
import org.drcc.drill.job.DrillProperties;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.Drills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The drills' Markdown reports in S3. Retention of 2 years is recorded twice: a bucket lifecycle rule that
 * expires reports after the retention (asked for at start-up; a store that refuses it is logged), and a
 * {@code retain-until} metadata entry on each object, which the drill's report event repeats.
 */
@Component
public class DrillReports {

    private static final Logger log = LoggerFactory.getLogger(DrillReports.class);

    private final S3Client s3;
    private final Drills drills;
    private final CommandGateway commands;
    private final DrillProperties properties;
    private final Clock clock;

    DrillReports(S3Client s3, Drills drills, CommandGateway commands, DrillProperties properties, Clock clock) {
        this.s3 = s3;
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
            s3.putObject(r -> r.bucket(properties.reportsBucket()).key(key).contentType("text/markdown; charset=utf-8")
                    .metadata(Map.of("retain-until", retainUntil.toString())), RequestBody.fromBytes(markdown));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(markdown));
            commands.sendAndWait(new RecordDrillReportCommand(drillId, properties.reportsBucket(), key, sha256,
                    retainUntil, clock.instant()));
        } catch (Exception e) {
            log.error("The report of drill {} could not be stored: {}", drillId, e.toString());
        }
    }

    /** The stored report, or empty when the drill has none (yet). */
    public Optional<String> read(DrillSummary drill) {
        if (drill.reportKey() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(drill.reportBucket()).key(drill.reportKey()))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Creates the bucket if missing and asks for the lifecycle rule that expires reports after the retention. */
    void prepareBucket() {
        String bucket = properties.reportsBucket();
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (RuntimeException e) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        try {
            int days = Math.toIntExact(properties.reportRetention().toDays());
            s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rule -> rule
                    .id("drill-reports-retention").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("drills/"))
                    .expiration(x -> x.days(days)))));
        } catch (RuntimeException e) {
            log.warn("The S3 store refused the lifecycle rule on {} ({}): reports carry their retain-until date, "
                    + "but nothing expires them", bucket, e.getMessage());
        }
    }
}
