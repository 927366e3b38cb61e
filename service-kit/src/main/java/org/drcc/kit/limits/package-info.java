/**
 * Limits against abuse: a cap on request bodies (413, before anything reads them) and per-caller rate limits on
 * the expensive operations a service declares (429 with Retry-After), both as servlet filters.
 */
package org.drcc.kit.limits;
