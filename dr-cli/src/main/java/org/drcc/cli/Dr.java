package org.drcc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator CLI of the DR command centre. */
@Command(name = "dr", mixinStandardHelpOptions = true, version = "dr 0.1.0",
        description = "Runs the disaster-recovery plan: incidents, backups, drills, notifications, metrics.",
        subcommands = {UpCommand.class, LoginCommand.class, IncidentCommand.class, BackupCommand.class,
                AuditCommand.class, MetricsCommand.class, DrillCommand.class, PlanCommand.class, PrivacyCommand.class,
                SelfCommand.class, MaintenanceCommand.class, ReviewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the service refused (its reason is printed)", "2:bad command line",
                "3:a service could not be reached", "4:the audit trail is broken",
                "5:a drill failed (its reason is printed)",
                "6:a job followed with --wait failed or did not end in time (its reason is printed)"})
public final class Dr {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Dr())
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof CliException failure) {
                        command.getErr().println("dr: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    throw e;
                })
                .execute(args);
    }
}
