package org.drcc.console.api;

/** The signed-in person's access token, as the services want it; never shown, logged or put in a page. */
@FunctionalInterface
public interface Bearer {

    String token();
}
