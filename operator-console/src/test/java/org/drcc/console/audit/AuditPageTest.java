package org.drcc.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The verification's answer as the audit page shows it, rendered by the page's own template. */
class AuditPageTest {

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    AuditPageTest() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        templates.setTemplateResolver(resolver);
    }

    @Test
    void eventsStoredAndNotYetLinkedAreCountedBesideTheVerdict() {
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("incident-service", report(true, 120, 2, 3, null));
        reports.put("backup-service", report(true, 40, 1, 0, null));
        reports.put("notification-service", report(null, null, null, null, "notification-service did not answer"));

        String html = render(reports);

        assertThat(html).contains("intact: 120 events, 2 checkpoints, 3 stored and not yet linked",
                "intact: 40 events, 1 checkpoints</dd>", "notification-service did not answer");
    }

    /** As the console reads an answer: every field there, null where the service gave none. */
    private static Map<String, Object> report(Boolean intact, Integer events, Integer checkpoints, Integer pending,
                                              String refused) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("intact", intact);
        report.put("eventsChecked", events);
        report.put("checkpointsChecked", checkpoints);
        report.put("eventsPending", pending);
        report.put("refused", refused);
        return report;
    }

    private String render(Map<String, Object> reports) {
        Context context = new Context();
        context.setVariable("reports", reports);
        return templates.process("audit", Set.of("verified"), context);
    }
}
