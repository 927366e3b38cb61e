/**
 * The HTTP API: an incident's or a database's notifications and their acknowledgement, the communication plan
 * ({@code /api/plan}), and the public status page ({@code /status}, its JSON and Atom feed); refusals as
 * problem+json.
 */
package org.drcc.notification.web;
