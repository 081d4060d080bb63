package org.ngrelay.core.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.LibsrtpPeer;

/**
 * ngrelay's SRTP against an independent stack: libsrtp2 (Debian libsrtp2-dev), driven through
 * {@link LibsrtpPeer} ({@code src/test/c/srtp_peer.c}, which the test builds). For every AES-CM suite, both ways: RTP
 * across the sequence-number wrap with payloads of every size, CSRCs and a header extension, and
 * SRTCP; replayed and tampered packets are refused on both sides.
 */
@Timeout(120)
class SrtpLibsrtpInteropTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void requireLibsrtp() {
        if (!LibsrtpPeer.available()) {
            assertThat(System.getenv("CI")).as("libsrtp2-dev must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("libsrtp2-dev is not installed: apt-get install -y libsrtp2-dev");
        }
    }

    /** An RTP packet: every fourth with two CSRCs, every fifth with a one-word header extension. */
    private static byte[] rtp(Random random, int seq, int payload) {
        int csrcs = seq % 4 == 0 ? 2 : 0;
        boolean extension = seq % 5 == 0;
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * csrcs + (extension ? 8 : 0) + payload);
        b.put((byte) (0x80 | (extension ? 0x10 : 0) | csrcs)).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x5eed1234);
        for (int i = 0; i < csrcs; i++) {
            b.putInt(0x1000 + i);
        }
        if (extension) {
            b.putShort((short) 0xbede).putShort((short) 1).putInt(0x10203040);
        }
        byte[] body = new byte[payload];
        random.nextBytes(body);
        return b.put(body).array();
    }

    private static byte[] rtcp(Random random, int words) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * words);
        b.put((byte) 0x80).put((byte) 200).putShort((short) (1 + words)).putInt(0x5eed1234);
        byte[] body = new byte[4 * words];
        random.nextBytes(body);
        return b.put(body).array();
    }

    @Test
    void everySuiteInteroperatesBothWays() throws IOException {
        int checked = 0;
        int suites = 0;
        for (SrtpSuite suite : SrtpSuite.values()) {
            if (!LibsrtpPeer.interoperates(suite.name())) {
                System.out.println("libsrtp2 here derives AES-192 keys as AES-256 (cisco/libsrtp#763): " + suite + " not compared");
                continue;
            }
            suites++;
            Random random = new Random(suite.ordinal());
            byte[] master = new byte[suite.masterBytes()];
            random.nextBytes(master);
            SrtpContext ourSender = new SrtpContext(suite, master);
            SrtpContext ourReceiver = new SrtpContext(suite, master);
            try (LibsrtpPeer libsrtp = LibsrtpPeer.start(suite.name(), master)) {
                for (int n = 0; n < 300; n++) {
                    int seq = (65400 + n) & 0xffff;
                    byte[] plain = rtp(random, seq, n % 201);
                    ByteBuffer p = Packets.direct(plain);
                    assertThat(ourSender.protect(p)).isEqualTo(SrtpContext.OK);
                    assertThat(libsrtp.unprotect(Packets.bytes(p))).as("%s: libsrtp2 unprotects ngrelay's seq %d (%s) %s", suite, seq, libsrtp.last(), HEX.formatHex(Packets.bytes(p))).isEqualTo(plain);
                    byte[] theirs = libsrtp.protect(plain);
                    ByteBuffer q = Packets.direct(theirs);
                    assertThat(ourReceiver.unprotect(q)).as("%s: ngrelay unprotects libsrtp2's seq %d", suite, seq).isEqualTo(SrtpContext.OK);
                    assertThat(Packets.bytes(q)).isEqualTo(plain);
                    checked += 2;
                }
                assertThat(ourReceiver.roc()).isEqualTo(1);
                for (int n = 0; n < 20; n++) {
                    byte[] plain = rtcp(random, 6 + n);
                    ByteBuffer p = Packets.direct(plain);
                    assertThat(ourSender.protectRtcp(p)).isEqualTo(SrtpContext.OK);
                    assertThat(libsrtp.unprotectRtcp(Packets.bytes(p))).as("%s: libsrtp2 unprotects ngrelay's SRTCP", suite).isEqualTo(plain);
                    byte[] theirs = libsrtp.protectRtcp(plain);
                    ByteBuffer q = Packets.direct(theirs);
                    assertThat(ourReceiver.unprotectRtcp(q)).as("%s: ngrelay unprotects libsrtp2's SRTCP", suite).isEqualTo(SrtpContext.OK);
                    assertThat(Packets.bytes(q)).isEqualTo(plain);
                    checked += 2;
                }
                // replayed and tampered packets, both ways
                byte[] plain = rtp(random, 400, 160);
                byte[] theirs = libsrtp.protect(plain);
                assertThat(ourReceiver.unprotect(Packets.direct(theirs))).isEqualTo(SrtpContext.OK);
                assertThat(ourReceiver.unprotect(Packets.direct(theirs))).isEqualTo(SrtpContext.REPLAYED);
                byte[] tampered = libsrtp.protect(rtp(random, 401, 160));
                tampered[30] ^= 0x40;
                assertThat(ourReceiver.unprotect(Packets.direct(tampered))).isEqualTo(SrtpContext.AUTH_FAILED);
                ByteBuffer ours = Packets.direct(rtp(random, 402, 160));
                ourSender.protect(ours);
                byte[] ourTampered = Packets.bytes(ours);
                ourTampered[ourTampered.length - 1] ^= 1;
                assertThat(libsrtp.unprotect(ourTampered)).as("libsrtp2 refuses a tampered packet of ngrelay's").isNull();
                checked += 3;
            }
        }
        assertThat(suites).as("suites compared with libsrtp2").isGreaterThanOrEqualTo(4);
        assertThat(checked).isEqualTo(suites * (600 + 40 + 3));
    }
}
