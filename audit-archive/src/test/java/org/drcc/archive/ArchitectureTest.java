package org.drcc.archive;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.drcc.testsupport.HouseRules;

/** Among the house rules: the archive knows no service, only the kit and the contract, whichever service embeds it. */
@AnalyzeClasses(packages = "org.drcc.archive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests houseRules = ArchTests.in(HouseRules.class);
}
