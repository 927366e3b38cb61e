/**
 * The plan's phase windows as deadlines: the windows not decided yet ({@code phase_window_due}, projected from the
 * events) and the clock that asks each incident past one to record the breach. The incident decides; a repeated or
 * concurrent ask changes nothing.
 */
package org.drcc.incident.deadline;
