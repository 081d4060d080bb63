package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/** --timeout and --delete-delay, with the timer ticking once a second. */
@Timeout(30)
class CallTimersTest {

    @Test
    void callWithoutMediaTimesOutWhileACallWithMediaStays() throws Exception {
        // --timeout=2: the idle call goes, the one with media flowing stays.
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(2, 3600, 0, 3600, 0, 0), 22200, 22299);
             NgClient ng = relay.client();
             TwoPartyCall idle = TwoPartyCall.establish(ng, "idle");
             TwoPartyCall busy = TwoPartyCall.establish(ng, "busy")) {
            assertThat(idle.answerSdp).isNotNull();
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            int seq = 0;
            while (relay.calls().list(10).contains("idle")) {
                assertThat(System.nanoTime()).as("idle call timed out").isLessThan(deadline);
                busy.callerRtp.send(RtpPackets.rtp(0, ++seq, 160L * seq, 7, 160), busy.relayForCaller);
                busy.calleeRtp.receive(Duration.ofMillis(100));
            }
            assertThat(relay.calls().list(10)).containsExactly("busy");
            assertThat(relay.interfaces().portsUsed()).isEqualTo(4);
        }
    }

    @Test
    void deleteDelayKeepsTheCallQueryableUntilItEnds() throws Exception {
        // --delete-delay=30 by default; the request's delete-delay wins.
        try (InProcessRelay relay = new InProcessRelay(CallConfig.DEFAULTS, 22300, 22399);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "delayed")) {
            call.assertRtpBothWays();
            assertThat(ng.request(dict("command", "delete", "call-id", "delayed", "delete delay", 1L))).containsEntry("result", "ok");
            assertThat(ng.request(dict("command", "query", "call-id", "delayed"))).containsEntry("result", "ok");
            assertThat(relay.calls().list(10)).containsExactly("delayed");
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.calls().list(10).isEmpty());
            assertThat(relay.interfaces().portsUsed()).isZero();

            try (TwoPartyCall other = TwoPartyCall.establish(ng, "default-delay")) {
                ng.request(dict("command", "delete", "call-id", "default-delay"));
                // 30 s default: still there well after a timer tick.
                await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
                assertThat(relay.calls().list(10)).containsExactly("default-delay");
                other.assertRtpBothWays();
            }
        }
    }
}
