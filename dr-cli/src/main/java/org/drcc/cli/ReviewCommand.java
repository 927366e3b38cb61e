package org.drcc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "review", mixinStandardHelpOptions = true,
        subcommands = {ReviewCommand.ListReviews.class, ReviewCommand.Record.class},
        description = "The plan's reviews (monthly, quarterly, annual, after each incident): overdue first.")
class ReviewCommand {

    private static final String[] COLUMNS = {"id", "kind", "status", "dueAt", "what", "reviewedBy", "reviewedAt",
        "changes"};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The reviews, overdue first.")
    static class ListReviews implements Callable<Integer> {

        @Mixin
        Services services;

        @Mixin
        Output output;

        @Option(names = "--status", description = "Only OVERDUE, DUE or DONE.")
        String status;

        @Override
        public Integer call() {
            output.print(services.incidents().get("/api/reviews", IncidentCommand.query("status", status)), COLUMNS);
            return 0;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Record a review as held by you (devops, dr-lead): what it changed in the plan.")
    static class Record implements Callable<Integer> {

        @Mixin
        Services services;

        @Mixin
        Output output;

        @Parameters(index = "0", description = "The review's id (dr review list).")
        String id;

        @Option(names = "--changes", required = true,
                description = "What the review changed in the plan, or why nothing.")
        String changes;

        @Option(names = "--plan-changed", description = "The plan was changed (default: it stood as it was).")
        boolean planChanged;

        @Override
        public Integer call() {
            output.fields(services.incidents().post("/api/reviews/" + id,
                    Api.body("planChanged", planChanged, "changes", changes)), COLUMNS);
            return 0;
        }
    }
}
