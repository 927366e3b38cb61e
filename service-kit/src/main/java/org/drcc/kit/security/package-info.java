/**
 * Every API behind an OAuth2 bearer JWT: the token checks, the caller and roles it names, and the permission
 * table (a service's rows, then the kit's; first match wins, no match refused), with 401 and 403 as problem+json.
 */
package org.drcc.kit.security;
