package org.drcc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dr incident report ID}: the post-incident report stored when a real incident was closed. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The post-incident report of a closed incident (Markdown; --html for the HTML).")
class IncidentReportCommand implements Callable<Integer> {

    /** Its --incident-url, --token and --json are the parent's, inherited: declaring them again would clash. */
    @ParentCommand
    IncidentCommand incident;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--html", description = "The HTML version instead of the Markdown.")
    boolean html;

    @Override
    public Integer call() {
        Output output = incident.output;
        output.out.print(incident.services.incidents().text("/api/incidents/" + id + "/report?format="
                + (html ? "html" : "markdown")));
        output.out.flush();
        return 0;
    }
}
