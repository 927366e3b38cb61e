package org.drcc.notification.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The incident events the service skips unread ({@link IncidentEventsListener#UNREAD}) must stay events nothing here
 * uses: a policy that started to act on one would never be called with it.
 */
class UnreadIncidentEventsTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.drcc.notification");

    @Test
    void noClassButTheListenerThatSkipsThemUsesTheEventsItSkips() {
        for (Class<?> unread : IncidentEventsListener.UNREAD) {
            noClasses().that().doNotHaveFullyQualifiedName(IncidentEventsListener.class.getName())
                    .should().dependOnClassesThat().haveFullyQualifiedName(unread.getName())
                    .because("IncidentEventsListener skips " + unread.getSimpleName()
                            + " unread: take it out of UNREAD to act on it")
                    .check(SERVICE);
        }
    }
}
