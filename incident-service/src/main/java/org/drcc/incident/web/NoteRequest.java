package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note or a status update for the timeline. */
public record NoteRequest(@NotBlank @Size(max = 4000) String text, boolean statusUpdate) {
}
