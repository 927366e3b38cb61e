package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
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
            JsonNode reviews = services.incidents().get("/api/reviews", IncidentCommand.query("status", status));
            output.print(reviews, COLUMNS);
            long overdue = StreamSupport.stream(reviews.spliterator(), false)
                    .filter(r -> "OVERDUE".equals(r.path("status").asText())).count();
            if (!output.json && overdue > 0) {
                output.out.printf("%d overdue: the plan's owners are reminded; dr review record <id> --changes ... "
                        + "records one held%n", overdue);
            }
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
