/**
 * The {@code Idempotency-Key} header of the services' APIs: a request retried with the same key runs at most once
 * and gets the first answer again (table {@code idempotency_key}, from {@code db/kit}).
 */
package org.drcc.kit.idempotency;
