package org.drcc.cli;

/** A port the suite needs is taken; names the option that moves it elsewhere. */
class PortInUseException extends RuntimeException {

    PortInUseException(String what, int port, String option) {
        super("port " + port + " (" + what + ") is in use by another program: stop that program, "
                + "or start on another port with ./dr up " + option + " <port>");
    }
}
