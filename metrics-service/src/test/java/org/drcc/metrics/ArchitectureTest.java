package org.drcc.metrics;

import org.drcc.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheHouseRules() {
        ServiceArchitecture.check("metrics");
    }
}
