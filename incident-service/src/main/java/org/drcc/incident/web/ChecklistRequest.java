package org.drcc.incident.web;

import jakarta.validation.constraints.Size;

/** Ticking a checklist item, with an optional note. */
public record ChecklistRequest(@Size(max = 4000) String note) {
}
