package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EphemeralPortsTest {

    @Test
    void readsTheKernelsFormat() {
        assertThat(EphemeralPorts.parse("32768\t60999\n")).contains(new EphemeralPorts.Range(32768, 60999));
        assertThat(EphemeralPorts.parse("garbage")).isEmpty();
        assertThat(EphemeralPorts.parse(null)).isEmpty();
    }

    @Test
    void boundsAreInclusive() {
        EphemeralPorts.Range r = new EphemeralPorts.Range(32768, 60999);
        assertThat(r.contains(32767)).isFalse();
        assertThat(r.contains(32768)).isTrue();
        assertThat(r.contains(60999)).isTrue();
        assertThat(r.contains(61000)).isFalse();
    }

    @Test
    void theDefaultPortsAreSafeWhereverTheRangeIsKnown() {
        // the demo stack, CI's integration tests and the services must never sit in the ephemeral range
        for (int port : new int[] {15432, 18080, 18081, 18091, 18094, 19092, 19093, 25092, 25080, 25104}) {
            assertThat(EphemeralPorts.risk(port)).as("port %d", port).isEmpty();
        }
    }
}
