/**
 * The one definition of recovery: time to recover, data loss, whether the RTO and the RPO were met, and
 * what makes a recovery test pass. The incident view, the metrics and the drills each judged these on their
 * own and drifted; here they are pure functions of instants and durations.
 *
 * <p>A module of its own rather than a package in service-kit: the kit is infrastructure and carries Spring,
 * while this is a rule of the plan that every service may need. With no dependencies at all, no Spring or
 * Axon type can creep in, and depending on it ties no service to another.
 */
package org.drcc.recovery;
