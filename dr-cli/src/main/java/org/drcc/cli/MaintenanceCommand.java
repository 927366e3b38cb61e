package org.drcc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "maintenance", mixinStandardHelpOptions = true, subcommands = MaintenanceCommand.Schedule.class,
        description = "Planned maintenance windows, which the SLA leaves out.")
class MaintenanceCommand {

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = "Schedule a planned maintenance window (devops, dr-lead): it must start later and last at "
                    + "most 12 h; an outage already under way is an incident, not maintenance.")
    static class Schedule implements Callable<Integer> {

        @Mixin
        Services services;

        @Mixin
        Output output;

        @Option(names = "--from", required = true, description = "Start, an ISO-8601 instant (2026-12-01T02:00:00Z).")
        String from;

        @Option(names = "--to", required = true, description = "End, exclusive, an ISO-8601 instant.")
        String to;

        @Option(names = "--reason", required = true, description = "What the maintenance is for.")
        String reason;

        @Override
        public Integer call() {
            output.fields(services.incidents().postOnce("/api/maintenance-windows",
                    Api.body("startsAt", from, "endsAt", to, "reason", reason)),
                    "id", "startsAt", "endsAt", "reason", "scheduledBy");
            return 0;
        }
    }
}
