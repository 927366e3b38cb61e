package org.drcc.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theArchiveKnowsNoServiceOnlyTheKitAndTheContract() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.drcc.incident..", "org.drcc.backup..",
                        "org.drcc.notification..", "org.drcc.metrics..")
                .because("it is embedded in a service, whichever: it meets it through the kit's types and its own settings")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.drcc.archive"));
    }
}
