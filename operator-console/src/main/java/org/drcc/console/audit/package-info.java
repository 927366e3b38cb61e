/**
 * The audit page: verify the services' hash-chained trails (and the archive) with one click, search the incident
 * trail by incident, actor, type and time, and download the signed evidence pack, streamed from incident-service
 * to the browser.
 */
package org.drcc.console.audit;
