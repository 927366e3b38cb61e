package org.drcc.backup.catalog;

/** A tier name that is not primary, secondary or tertiary: a 400 naming the request's field. */
public class UnknownTierException extends RuntimeException {

    public UnknownTierException(String tier) {
        super("'" + tier + "' is not a tier: primary, secondary or tertiary");
    }
}
