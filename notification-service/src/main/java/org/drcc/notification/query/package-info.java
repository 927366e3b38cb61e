/**
 * The read side: the delivery table (projected with the events, in their transaction), the work the dispatcher
 * owes now, and the incident briefs (what a declaration said that later messages still need).
 */
package org.drcc.notification.query;
