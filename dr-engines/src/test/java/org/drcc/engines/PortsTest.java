package org.drcc.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void aPortHandedOutIsNotHandedOutAgainBeforeItsTakerListens() {
        assumeTrue(Ports.ephemeralStart() - Ports.LOWEST > 10_000, "no room below the ephemeral range: the system picks");
        // each port is free again at once (nobody listens on it yet), as between a test's choice and its engine's start
        List<Integer> ports = java.util.stream.IntStream.range(0, 200).mapToObj(i -> Ports.free()).toList();
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void portsAreTakenBelowTheRangeTheSystemGivesOutgoingConnections() {
        // a port from that range may become the local port of a connection before the service that was to listen on it
        // starts; a suite-level test once failed that way to start a second instance
        int ephemeralStart = Ports.ephemeralStart();
        // a machine whose range starts low (1024, say) leaves no room below it: the system then picks, as before
        assumeTrue(ephemeralStart - Ports.LOWEST > 10_000, "the ephemeral range starts at " + ephemeralStart);
        assertThat(Ports.free(20)).allSatisfy(port -> assertThat(port).isBetween(Ports.LOWEST, ephemeralStart - 1));
        assertThat(Ports.free()).isBetween(Ports.LOWEST, ephemeralStart - 1);
    }

    @Test
    void aBandKeepsTheJvmsOfOneBuildApart() {
        assertThat(Ports.band(null)).containsExactly(1, 1);
        assertThat(Ports.band("2/2")).containsExactly(2, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ports.band("3/2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dr.ports.band must be k/n");
        int top = Ports.ephemeralStart() - 1_000;
        assumeTrue(top - Ports.LOWEST >= 4_000, "the system leaves too few ports below its ephemeral range");
        int middle = Ports.LOWEST + (top - Ports.LOWEST) / 2;
        String before = System.getProperty(Ports.BAND_PROPERTY);
        try {
            System.setProperty(Ports.BAND_PROPERTY, "1/2");
            assertThat(Ports.free(20)).allSatisfy(port -> assertThat(port).isBetween(Ports.LOWEST, middle - 1));
            System.setProperty(Ports.BAND_PROPERTY, "2/2");
            assertThat(Ports.free(20)).allSatisfy(port -> assertThat(port).isBetween(middle, top - 1));
        } finally {
            if (before == null) {
                System.clearProperty(Ports.BAND_PROPERTY);
            } else {
                System.setProperty(Ports.BAND_PROPERTY, before);
            }
        }
    }
}
