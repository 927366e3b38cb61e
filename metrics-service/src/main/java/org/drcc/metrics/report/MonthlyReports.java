package org.drcc.metrics.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3Clients;
import org.drcc.metrics.figures.DrillFact;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.stereotype.Service;

/**
 * The plan's monthly DR metrics report with its charts, generated on demand and on the first of each
 * month (see {@code MonthlyReportSchedule}) into S3. Generating again replaces it: the
 * figures of incidents still open change until they are restored, and each report says as of when.
 */
@Service
public class MonthlyReports {

    public static final String CHART_MEDIA_TYPE = "image/png";

    private final IncidentFacts facts;
    private final DrillFacts drills;
    private final BucketStore store;
    private final Clock clock;

    MonthlyReports(IncidentFacts facts, DrillFacts drills, S3Clients s3, ReportSettings settings, Clock clock) {
        this.facts = facts;
        this.drills = drills;
        this.store = s3.bucket(settings.reportBucket());
        this.clock = clock;
    }

    /** Months are UTC calendar months. */
    public static Period period(YearMonth month) {
        return new Period(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public StoredReport generate(YearMonth month) {
        Period period = period(month);
        Instant now = clock.instant();
        // the month's incidents and, for MTBF's downtime, those declared before it still down in it: one read
        List<IncidentFact> read = facts.declaredOrDownDuring(period);
        List<IncidentFact> declared = read.stream().filter(f -> period.contains(f.declaredAt())).toList();
        List<DrillFact> finished = drills.finishedBetween(period.from(), period.to());
        MonthlyReport report = new MonthlyReport(month, now, Figures.of(read, finished, period, now),
                declared.stream().map(f -> IncidentRecovery.of(f, now)).toList(), finished);
        // made on the first report, so the service starts without S3
        store.createIfMissing();
        Map<ReportChart, String> charts = new EnumMap<>(ReportChart.class);
        for (ReportChart chart : ReportChart.values()) {
            charts.put(chart, key(month, chart));
            store.put(key(month, chart), chart.render(report), CHART_MEDIA_TYPE);
        }
        Map<ReportFormat, String> keys = new EnumMap<>(ReportFormat.class);
        for (ReportFormat format : ReportFormat.values()) {
            keys.put(format, key(month, format));
            store.put(key(month, format), format.render(report).getBytes(StandardCharsets.UTF_8), format.mediaType());
        }
        return new StoredReport(month, now, store.bucket(), keys, charts);
    }

    public Optional<String> read(YearMonth month, ReportFormat format) {
        return store.find(key(month, format)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public Optional<byte[]> chart(YearMonth month, ReportChart chart) {
        return store.find(key(month, chart));
    }

    /** Next to the report, so the report's relative links to its charts resolve in S3 as through the API. */
    static String key(YearMonth month, ReportChart chart) {
        return "monthly/" + month + "/" + chart.fileName();
    }

    static String key(YearMonth month, ReportFormat format) {
        return "monthly/" + month + "/dr-metrics-" + format.fileName();
    }
}
