/**
 * The HTTP API: {@code /api/incidents} (declare, list, read, every lifecycle change), {@code /api/audit/events},
 * {@code /api/scenarios} and projection replays, with If-Match, Idempotency-Key and refusals as problem+json.
 * It checks the input and sends commands; the incident's rules are the aggregate's, not the controllers'.
 */
package org.drcc.incident.web;
