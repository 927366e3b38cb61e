package org.drcc.drill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.drcc.drill");

    @Test
    void reachesItsHostOnlyThroughThePortAndNoServiceAtAll() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.drcc.backup..", "org.drcc.incident..",
                "org.drcc.notification..", "org.drcc.metrics..").check(classes);
    }

    @Test
    void keepsTheHouseRules() {
        slices().matching("org.drcc.drill.(*)..").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage("org.drcc.drill.command..").should().dependOnClassesThat()
                .resideInAnyPackage("org.drcc.drill.web..", "org.drcc.drill.kafka..", "org.springframework.web..")
                .check(classes);
    }
}
