package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The person who takes a role. */
public record RoleRequest(@NotBlank @Size(max = 200) String person) {
}
