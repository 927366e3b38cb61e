/**
 * The post-incident report of a closed real incident: generated from its events (timeline, who did what, checklist
 * with evidence, RTO and data loss against the targets, notifications and their deadlines, lessons learned), as
 * Markdown and HTML, stored in S3 next to the drill reports.
 */
package org.drcc.incident.report;
