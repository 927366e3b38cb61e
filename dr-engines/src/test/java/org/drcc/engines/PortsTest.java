package org.drcc.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsAskedTogetherAreFreeAndAllDifferent() {
        List<Integer> ports = Ports.free(40);
        assertThat(ports).hasSize(40).doesNotHaveDuplicates();
        assertThat(ports).allSatisfy(port -> assertThat(Ports.inUse(port)).as("port %d is free again", port).isFalse());
    }
}
