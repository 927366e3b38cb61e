package org.drcc.engines;

/** A port an engine needs is taken by another program. */
public class PortTakenException extends RuntimeException {

    private final String engine;
    private final int port;

    public PortTakenException(String engine, int port) {
        super(engine + " needs port " + port + ", which another program is using");
        this.engine = engine;
        this.port = port;
    }

    public String engine() {
        return engine;
    }

    public int port() {
        return port;
    }
}
