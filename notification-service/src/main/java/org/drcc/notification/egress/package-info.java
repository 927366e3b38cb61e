/**
 * Where this service may send a request: the guard against server-side request forgery. A channel URL from the
 * plan API must not reach this machine, the cloud's metadata service or the private network unless the operator
 * allowed its host ({@code dr.notification.allowed-hosts}). Checked when a plan is accepted and again on every
 * connection, on the address it will really use. Depends on nothing else of the service.
 */
package org.drcc.notification.egress;
