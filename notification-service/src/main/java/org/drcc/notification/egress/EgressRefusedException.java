package org.drcc.notification.egress;

import java.net.UnknownHostException;

/**
 * A connection this service refused to make: the host resolves to an address that is not public and is not
 * allowed. An {@link UnknownHostException}, so an HTTP client's DNS step fails with it before any socket opens.
 */
public class EgressRefusedException extends UnknownHostException {

    public EgressRefusedException(String message) {
        super(message);
    }
}
