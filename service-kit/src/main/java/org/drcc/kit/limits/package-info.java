/**
 * Limits against abuse: a cap on request bodies (413, before anything reads them) and per-caller rate limits on
 * the expensive operations a service declares, and on the kit's own (429 with Retry-After), both as servlet
 * filters; the limiters are kept in a bounded cache.
 */
package org.drcc.kit.limits;
