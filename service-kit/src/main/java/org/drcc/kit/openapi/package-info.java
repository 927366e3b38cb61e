/**
 * The OpenAPI document every service serves at {@code /v3/api-docs}, made to stand on its own: the service's
 * title, build version and description, the bearer scheme, and on each operation the roles that may call it and
 * every problem+json answer it can give (derived from the permission table, the rate limits and its parameters).
 */
package org.drcc.kit.openapi;
