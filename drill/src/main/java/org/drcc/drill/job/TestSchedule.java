package org.drcc.drill.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.job.DrillProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/** The plan's test schedule as configured: the weekly backup verification and the drills, with their next runs. */
@Component
public class TestSchedule {

    private static final int NEXT = 3;

    private final DrillProperties drills;
    private final BackupDesk backups;
    private final Clock clock;

    TestSchedule(DrillProperties drills, BackupDesk backups, Clock clock) {
        this.drills = drills;
        this.backups = backups;
        this.clock = clock;
    }

    public List<ScheduledTest> all() {
        BackupDesk.Verification verification = backups.verificationSchedule();
        ZoneId zone = ZoneId.of(verification.zone());
        List<ScheduledTest> tests = new ArrayList<>();
        tests.add(new ScheduledTest("weekly-backup-verification", "backup-verification",
                "Every completed backup not yet verified (newest first) and the newest backup of every protected "
                        + "database restored into a scratch database and compared with its manifest", verification.cron(), List.of(), verification.enabled(),
                next(verification.cron(), zone)));
        for (Map.Entry<String, DrillProperties.Schedule> s : new java.util.TreeMap<>(drills.schedules()).entrySet()) {
            tests.add(new ScheduledTest(s.getKey(), "drill", s.getValue().description(), s.getValue().cron(),
                    s.getValue().scenarios(), drills.schedulingEnabled(), next(s.getValue().cron(), zone)));
        }
        return tests;
    }

    private List<Instant> next(String cron, ZoneId zone) {
        CronExpression expression = CronExpression.parse(cron);
        List<Instant> runs = new ArrayList<>();
        ZonedDateTime at = ZonedDateTime.now(clock.withZone(zone));
        for (int i = 0; i < NEXT; i++) {
            at = expression.next(at);
            if (at == null) {
                break;
            }
            runs.add(at.toInstant());
        }
        return runs;
    }
}
