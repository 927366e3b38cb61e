package org.drcc.cli;

import java.nio.file.Path;

/**
 * One of the suite's services: its jar, its HTTP port and its database; the operator console has none (null): it
 * talks to the services' APIs and reads Kafka.
 */
record ServiceSpec(String name, int port, String database) {

    static final String CONSOLE = "operator-console";

    boolean console() {
        return CONSOLE.equals(name);
    }

    /** The option of dr up that moves its port: --incident-port, ..., --console-port. */
    String portOption() {
        return "--" + (console() ? "console" : name.replace("-service", "")) + "-port";
    }

    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + ".jar");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
