package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;

/** A request sent again with the same cookie is answered from the cache, not run again. */
@Timeout(20)
class RetransmissionTest {

    private InProcessRelay relay;
    private NgClient ng;

    @BeforeEach
    void start() throws InterruptedException {
        relay = InProcessRelay.withPorts(22100, 22199);
        ng = relay.client();
    }

    @AfterEach
    void stop() {
        ng.close();
        relay.close();
    }

    @Test
    void sameCookieGetsIdenticalBytesAndAllocatesNothing() {
        byte[] offer = NgClient.encode(dict("command", "offer", "call-id", "rtx", "from-tag", "a",
                "sdp", Sdps.audio("a", "192.0.2.1", 5000, 5001)));
        String cookie = NgClient.newCookie();
        byte[] first = ng.raw(cookie, offer);
        int portsAfterFirst = relay.interfaces().portsUsed();
        byte[] again = ng.raw(cookie, offer);
        assertThat(again).isEqualTo(first);
        assertThat(relay.interfaces().portsUsed()).isEqualTo(portsAfterFirst).isEqualTo(4);
        // rtpengine keys its cache on the cookie alone: even another body gets the first reply.
        byte[] other = ng.raw(cookie, NgClient.encode(dict("command", "ping")));
        assertThat(other).isEqualTo(first);
        // A new cookie runs the (identical) offer again: same call, same ports, same SDP.
        byte[] fresh = ng.raw(NgClient.newCookie(), offer);
        assertThat(NgClient.decode(fresh).get("sdp")).isEqualTo(NgClient.decode(first).get("sdp"));
        assertThat(relay.interfaces().portsUsed()).isEqualTo(4);
        assertThat(relay.calls().list(10)).containsExactly("rtx");
    }
}
