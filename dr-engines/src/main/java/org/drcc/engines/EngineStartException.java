package org.drcc.engines;

import java.nio.file.Path;

/** An engine did not come up; names the engine, the cause and the log to read. */
public class EngineStartException extends RuntimeException {

    public EngineStartException(String engine, String cause, Path log) {
        super(engine + " did not start: " + cause + (log == null ? "" : " (log: " + log + ")"));
    }

    public EngineStartException(String engine, Throwable cause, Path log) {
        this(engine, String.valueOf(cause.getMessage()), log);
        initCause(cause);
    }
}
