package org.drcc.backup.web;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/catalog/rebuild}: the tier whose bucket the catalogue is rebuilt from. */
public record CatalogRebuildRequest(@NotBlank String from) {
}
