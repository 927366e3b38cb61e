package org.drcc.cli;

import picocli.CommandLine.Command;

/** The command centre's own databases: back them up now, or bring the whole command centre back from a tier. */
@Command(name = "self", mixinStandardHelpOptions = true,
        description = "The command centre itself: back up its own databases, restore it from the S3 tiers.",
        subcommands = {SelfBackupCommand.class, SelfRestoreCommand.class})
class SelfCommand {
}
