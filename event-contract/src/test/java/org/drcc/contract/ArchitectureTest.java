package org.drcc.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract is read by every service and by integrators: it may not drag a framework along. */
@AnalyzeClasses(packages = "org.drcc.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule usesNothingButTheJdkAndJacksonsAnnotations = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.drcc.contract..", "java..", "com.fasterxml.jackson.annotation..");
}
