package org.drcc.backup.catalog;

/**
 * Why the catalogue object beside a tier's copy would not let a new site know its backup again ({@link
 * CatalogRebuild#describes}): {@code missing} when there is none (not written yet, its processor writing it after the
 * copy, or lost), else it cannot be read or describes the backup otherwise than recorded; {@code detail} says which,
 * for a person.
 */
public record CatalogueProblem(boolean missing, String detail) {
}
