/**
 * The communication plan as data: tiers, audiences, contacts, escalation and database owners, seeded from the
 * file, changed through the API, checked as a whole and stored as append-only revisions; {@code PlanInForce} is
 * the newest revision. What the API shows of a plan never includes a contact's target or secret.
 */
package org.drcc.notification.plan;
