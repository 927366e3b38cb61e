/**
 * The refusal a domain rule throws. It knows nothing of HTTP, so a service's {@code command} package may
 * throw it; the kit's problem advice answers it with 409.
 */
package org.drcc.kit.rules;
