package org.drcc.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** The house rules every service keeps, checked by ArchUnit in each service's tests. */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("incident", "backup", "notification", "metrics");

    private ServiceArchitecture() {
    }

    /** Fails with every violation: services meet only through the contract; commands know no web; no package cycle. */
    public static void check(String service) {
        Assertions.assertTrue(SERVICES.contains(service), "unknown service " + service);
        String base = "org.drcc." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                noClasses().should().dependOnClassesThat().resideInAPackage("org.drcc." + other + "..")
                        .because("services meet only through the contract module, Kafka and HTTP")
                        .check(classes);
            }
        }
        noClasses().that().resideInAPackage(base + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".web..", "org.springframework.web..")
                .because("the domain does not know how it is called")
                .allowEmptyShould(true)
                .check(classes);
        slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .because("a package that needs another cannot be changed, tested or moved without it")
                .check(classes);
    }
}
