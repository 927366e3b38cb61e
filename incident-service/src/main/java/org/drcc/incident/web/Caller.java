package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The token's caller, the incident version they last saw ({@code If-Match}; null: any) and their
 * {@code Idempotency-Key}, as {@link CallerResolver} reads them. Hidden: the document shows the headers instead.
 */
@Hidden
record Caller(String name, Long expectedVersion, String idempotencyKey) {
}
