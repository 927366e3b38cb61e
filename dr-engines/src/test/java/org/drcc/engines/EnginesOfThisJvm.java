package org.drcc.engines;

import java.nio.file.Path;

/** A JVM that holds engines started for it and waits to be ended ({@link EnginesIT}). */
final class EnginesOfThisJvm {

    static final String READY = "engines started";

    public static void main(String[] args) throws InterruptedException {
        Engines.startForThisJvm(EngineSettings.forTests(Path.of(args[0])));
        System.out.println(READY);
        Thread.sleep(Long.MAX_VALUE);
    }
}
