/**
 * The DR plan as data ({@code dr.plan.location}, YAML): the phases' checklists and the scenarios with their
 * targets. Read when an incident is declared and when the scenarios are served; an incident keeps its own copy
 * of the checklist, so a changed plan never rewrites one already declared.
 */
package org.drcc.incident.plan;
