package org.drcc.kit.limits;

import java.io.IOException;

/** A request body without a declared length went past the cap while it was read; answered with 413. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long max) {
        super("the request body is larger than this service accepts: at most " + max
                + " bytes (dr.limits.max-request-body)");
    }
}
