/**
 * The catalogue objects beside the dumps: {@code CatalogWriter} projects each backup's events into
 * {@code <objectKey>.catalog.json} in every tier that holds the dump, so a bucket alone says what its backups are;
 * {@code CatalogRebuild} reads a tier's catalogue objects back into an empty or partial service.
 */
package org.drcc.backup.catalog;
