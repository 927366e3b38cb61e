package org.drcc.cli;

import java.nio.file.Path;

/** One of the suite's services: its jar, its HTTP port and its database. */
record ServiceSpec(String name, int port, String database) {

    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + ".jar");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
