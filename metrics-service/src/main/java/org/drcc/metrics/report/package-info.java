/**
 * The plan's monthly DR metrics report: its figures against the targets, written as Markdown and HTML with PNG
 * charts into S3, on demand and on the first of each month (claimed once across instances).
 */
package org.drcc.metrics.report;
