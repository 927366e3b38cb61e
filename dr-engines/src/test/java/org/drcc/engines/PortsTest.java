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

    @Test
    void portsAreTakenBelowTheRangeTheSystemGivesOutgoingConnections() {
        // a port from that range may become the local port of a connection before the service that was to listen on it
        // starts; a suite-level test once failed that way to start a second instance
        int ephemeralStart = Ports.ephemeralStart();
        assertThat(Ports.free(20)).allSatisfy(port -> assertThat(port).isBetween(Ports.LOWEST, ephemeralStart - 1));
        assertThat(Ports.free()).isBetween(Ports.LOWEST, ephemeralStart - 1);
    }
}
