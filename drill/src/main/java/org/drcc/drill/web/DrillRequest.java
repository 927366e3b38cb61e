package org.drcc.drill.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code scenario}: one of the plan's scenario ids a drill can run, e.g. {@code database-corruption}. */
record DrillRequest(@NotBlank @Size(max = 100) String scenario) {
}
