/**
 * The public status page's rules and read model: what of an incident may be published (never drills, internal
 * notes or the actor), projected from the incident events once per event, and the page's view.
 */
package org.drcc.notification.status;
