package org.drcc.metrics.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;

/** The incident figures (their fields unchanged, at the top level), the backup figures and the notification deadlines met per tier. */
record MetricsResponse(
        @JsonUnwrapped PeriodFigures incidents,
        BackupFigures backups,
        Map<String, Rate> notificationDeadlinesMet) {
}
