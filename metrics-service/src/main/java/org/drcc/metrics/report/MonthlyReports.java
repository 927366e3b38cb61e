package org.drcc.metrics.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.stereotype.Service;

/**
 * The plan's monthly DR metrics report, generated on demand into S3. Generating again replaces it: the
 * figures of incidents still open change until they are restored, and each report says as of when.
 */
@Service
public class MonthlyReports {

    private final IncidentFacts facts;
    private final ReportStore store;
    private final Clock clock;

    MonthlyReports(IncidentFacts facts, ReportStore store, Clock clock) {
        this.facts = facts;
        this.store = store;
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
        List<IncidentFact> declared = facts.declaredBetween(period.from(), period.to());
        MonthlyReport report = new MonthlyReport(month, now, Figures.of(declared, period, now),
                declared.stream().map(f -> IncidentRecovery.of(f, now)).toList());
        Map<ReportFormat, String> keys = new EnumMap<>(ReportFormat.class);
        for (ReportFormat format : ReportFormat.values()) {
            keys.put(format, key(month, format));
            store.put(key(month, format), format.render(report), format.mediaType());
        }
        return new StoredReport(month, now, store.bucket(), keys);
    }

    public Optional<String> read(YearMonth month, ReportFormat format) {
        return store.get(key(month, format));
    }

    static String key(YearMonth month, ReportFormat format) {
        return "monthly/" + month + "/dr-metrics-" + format.fileName();
    }
}
