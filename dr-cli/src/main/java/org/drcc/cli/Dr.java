package org.drcc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator CLI of the DR command centre. */
@Command(name = "dr", mixinStandardHelpOptions = true, version = "dr 0.1.0",
        description = "Runs the disaster-recovery plan: incidents, backups, notifications, metrics.",
        subcommands = {UpCommand.class})
public final class Dr {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Dr()).execute(args));
    }
}
