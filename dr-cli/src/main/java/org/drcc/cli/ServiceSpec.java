package org.drcc.cli;

import java.nio.file.Path;

/**
 * One instance of one of the suite's services: its jar, its HTTP port and its database; the operator console has none
 * (null): it talks to the services' APIs and reads Kafka. Instance 1 is named after its service (its log
 * {@code incident-service.log}); instance 2 of it is {@code incident-service-2}.
 */
record ServiceSpec(String name, int port, String database, int instance) {

    static final String CONSOLE = "operator-console";
    /** The Food Truck application's stand-in, which the application drills deploy, roll back and fail over. */
    static final String APP = "demo-app";

    ServiceSpec(String name, int port, String database) {
        this(name, port, database, 1);
    }

    boolean console() {
        return CONSOLE.equals(name);
    }

    boolean app() {
        return APP.equals(name);
    }

    /** Its log's and pid file's name. */
    String processName() {
        return instance == 1 ? name : name + "-" + instance;
    }

    /** The option of dr up that moves its port: --incident-port, ..., --console-port; --instance-port-step beyond 1. */
    String portOption() {
        if (instance > 1) {
            return "--instance-port-step";
        }
        return "--" + (console() ? "console" : app() ? "app" : name.replace("-service", "")) + "-port";
    }

    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + ".jar");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
