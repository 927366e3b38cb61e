package org.drcc.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "metrics", mixinStandardHelpOptions = true, description = "The plan's DR metrics.")
class MetricsCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        output.out.println(services.metrics().get("/api/metrics/counts", Map.of()).toPrettyString());
        return 0;
    }
}
