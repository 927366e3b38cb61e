package org.drcc.drill.query;

import java.util.List;

/** A drill with its steps. */
public record DrillView(DrillSummary drill, List<DrillStep> steps) {
}
