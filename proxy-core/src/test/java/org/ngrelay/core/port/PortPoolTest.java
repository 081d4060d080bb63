package org.ngrelay.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortPoolTest {

    @Test
    void handsOutEvenPairsNextFitUntilExhausted() {
        PortPool pool = new PortPool(30001, 30008); // pairs 30002, 30004, 30006 (30008 has no odd partner)
        assertThat(pool.pairsTotal()).isEqualTo(3);
        assertThat(pool.reserve()).isEqualTo(30002);
        assertThat(pool.reserve()).isEqualTo(30004);
        pool.release(30002);
        assertThat(pool.reserve()).as("next fit: a just-freed pair is not reused first").isEqualTo(30006);
        assertThat(pool.reserve()).isEqualTo(30002);
        assertThat(pool.reserve()).isEqualTo(-1);
        assertThat(pool.pairsInUse()).isEqualTo(3);
        pool.release(30003); // odd: not a pair start, ignored
        pool.release(12345);
        assertThat(pool.pairsInUse()).isEqualTo(3);
        pool.release(30004);
        pool.release(30004);
        assertThat(pool.pairsInUse()).isEqualTo(2);
    }

    @Test
    void rejectsRangesWithoutAPair() {
        assertThatThrownBy(() -> new PortPool(30001, 30001)).hasMessageContaining("no even/odd pair");
        assertThatThrownBy(() -> new PortPool(40000, 30000)).hasMessageContaining("bad port range");
    }
}
