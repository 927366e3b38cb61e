package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A review held: what it changed in the plan ({@code planChanged} false: nothing, and why). */
public record ReviewRequest(boolean planChanged, @NotBlank @Size(max = 4000) String changes) {
}
