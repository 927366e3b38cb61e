package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "metrics", mixinStandardHelpOptions = true, subcommands = MetricsCommand.Sla.class,
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

    @Command(name = "sla", mixinStandardHelpOptions = true,
            description = "The SLA (99.999 %) over a period, planned maintenance excluded, its outages, and the error "
                    + "budget left for the year.")
    static class Sla implements Callable<Integer> {

        @ParentCommand
        MetricsCommand metrics;

        @Option(names = "--from", description = "Start of the period: an instant or a date (default: 1 January).")
        String from;

        @Option(names = "--to", description = "End of the period, exclusive (default: now).")
        String to;

        @Override
        public Integer call() {
            Output output = metrics.output;
            JsonNode sla = metrics.services.metrics().get("/api/metrics/sla", IncidentCommand.query("from", from, "to", to));
            if (output.json) {
                output.out.println(sla.toPrettyString());
                return 0;
            }
            JsonNode period = sla.path("period");
            JsonNode budget = sla.path("errorBudget");
            output.out.printf("SLA %s %% from %s to %s%n", sla.path("targetPercent").asText(),
                    period.path("from").asText(), period.path("to").asText());
            output.fields(period, "availability", "met", "measured", "maintenance", "downtime", "allowedDowntime");
            output.out.printf("%nError budget of %d%n", budget.path("year").asInt());
            output.fields(budget, "budget", "spent", "remaining", "remainingRatio", "burnRates");
            output.out.printf("%nOutages%n");
            output.print(period.path("outages"), "incidentId", "scenario", "from", "to", "restored", "downtime");
            output.out.printf("%nPlanned maintenance (excluded)%n");
            output.print(period.path("maintenanceWindows"), "windowId", "startsAt", "endsAt", "reason");
            return 0;
        }
    }
}
