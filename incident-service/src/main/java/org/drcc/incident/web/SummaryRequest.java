package org.drcc.incident.web;

import jakarta.validation.constraints.Size;

/** The body of a phase change: an optional summary for the timeline. */
public record SummaryRequest(@Size(max = 4000) String summary) {
}
