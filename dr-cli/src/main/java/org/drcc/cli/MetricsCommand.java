package org.drcc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "The plan's DR metrics for a period: MTTR, MTBF, RTO and RPO achievement, test success.")
class MetricsCommand implements Callable<Integer> {

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Option(names = "--from", description = "Start of the period: an instant or a date (default: 30 days ago).")
    String from;

    @Option(names = "--to", description = "End of the period, exclusive (default: now).")
    String to;

    @Override
    public Integer call() {
        output.out.println(services.metrics().get("/api/metrics", IncidentCommand.query("from", from, "to", to))
                .toPrettyString());
        return 0;
    }
}
