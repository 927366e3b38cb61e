/**
 * The plan's reviews: the {@code Review} aggregate (owed, then held once) and its commands; {@code ReviewPeriods},
 * which period of the schedule a review belongs to; {@code ReviewSchedule}, which opens the reviews owed (each period's
 * by the clock, a post-incident review when a real incident is closed). Events on {@code dr.plan.events}. It knows no
 * web and no Kafka adapter.
 */
package org.drcc.incident.review;
