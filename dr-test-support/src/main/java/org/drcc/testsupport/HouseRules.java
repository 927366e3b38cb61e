package org.drcc.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;

/**
 * The house rules in ArchUnit's {@code @ArchTest} style. The services', the embedded modules', the kit's and this
 * module's {@code ArchitectureTest} run them on their own classes ({@code ArchTests.in(HouseRules.class)}); a rule
 * about another module's packages finds nothing to check there and passes. The contract checks its own rule;
 * recovery-rules has no dependency at all, so nothing can leak into it.
 */
public final class HouseRules {

    /** Each module, and the one package of another module it may use: the API of the module it hosts. */
    private static final Map<String, List<String>> MAY_USE = Map.of(
            "incident", List.of(),
            "backup", List.of("org.drcc.drill.backup.."),
            "notification", List.of(),
            "metrics", List.of(),
            "archive", List.of(),
            "drill", List.of(),
            "console", List.of());

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.drcc.(**)").should().beFreeOfCycles()
            .because("a package that needs another which needs it back cannot be changed, tested or moved alone");

    @ArchTest
    static final ArchRule commandsKnowNoAdapters = noClasses().that().resideInAPackage("org.drcc.*.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drcc.*.web..", "org.drcc.*.kafka..",
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..")
            .because("the domain decides; it does not know how it is called nor where its events go")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theKitServesEveryModuleAndKnowsNone = noClasses().that().resideInAnyPackage("org.drcc.kit..",
                    "org.drcc.recovery..", "org.drcc.testsupport..", "org.drcc.engines..")
            .should().dependOnClassesThat().resideInAnyPackage(MAY_USE.keySet().stream().map(m -> "org.drcc." + m + "..")
                    .toArray(String[]::new))
            .because("what every module stands on cannot lean on one of them")
            .allowEmptyShould(true);

    @ArchTest
    static void modulesMeetOnlyThroughTheContractAndTheirHostsPort(JavaClasses classes) {
        MAY_USE.forEach((module, allowed) -> MAY_USE.keySet().stream().filter(other -> !other.equals(module))
                .forEach(other -> noClasses().that().resideInAPackage("org.drcc." + module + "..")
                        .should().dependOnClassesThat(resideInAPackage("org.drcc." + other + "..")
                                .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                        .because("services meet only through the contract module, Kafka and HTTP, and a host reaches"
                                + " the module it embeds only through that module's API")
                        .allowEmptyShould(true)
                        .check(classes)));
    }

    private HouseRules() {
    }
}
