package org.ngrelay.core.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The AEAD and f8 suites against their published vectors: RFC 7714 §16.1/§16.2 (SRTP) and
 * §17.1/§17.2 (SRTCP) for AES-128 and AES-256 GCM, from the session key and salt the RFC gives;
 * RFC 3711 Appendix B.1 for f8 (libsrtp2 has no f8, so this is its independent check). Our own
 * GCM (counter mode over the ECB batch plus a table GHASH) is also held to the JDK's AES/GCM on
 * random keys, IVs, AADs and lengths, and every suite is held to zero bytes allocated per packet.
 */
class SrtpCipherVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY_128 = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_256 = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] SALT = HEX.parseHex("517569642070726f2071756f");
    private static final byte[] RTP = HEX.parseHex("8040f17b8041f8d35501a0b2"
            + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573");
    private static final String SRTP_128 = "8040f17b8041f8d35501a0b2"
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce";
    private static final String SRTP_256 = "8040f17b8041f8d35501a0b2"
            + "32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13";
    private static final byte[] RTCP = HEX.parseHex("81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61"
            + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef");
    private static final String SRTCP_128 = "81c8000d4d617273"
            + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275b"
            + "c84aa45896cf4d2fc5abf87245d9eade" + "800005d4";
    private static final String SRTCP_256 = "81c8000d4d617273"
            + "d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1110555be8415f658c61de047"
            + "6f1b6fad1d1eb30c4446839f57ff6f6cb26ac3be" + "800005d4";

    private static SrtpContext rfc7714(SrtpSuite suite, byte[] key) {
        SrtpKeys keys = SrtpKeys.of(key, new byte[0], SALT);
        return new SrtpContext(suite, keys, keys, SrtpOptions.DEFAULT);
    }

    @Test
    void gcmSrtpMatchesRfc7714Section16() {
        checkRtp(SrtpSuite.AEAD_AES_128_GCM, KEY_128, SRTP_128);
        checkRtp(SrtpSuite.AEAD_AES_256_GCM, KEY_256, SRTP_256);
    }

    private static void checkRtp(SrtpSuite suite, byte[] key, String expected) {
        ByteBuffer p = Packets.direct(RTP);
        assertThat(rfc7714(suite, key).protect(p)).isEqualTo(SrtpContext.OK);
        assertThat(HEX.formatHex(Packets.bytes(p))).as("%s SRTP", suite).isEqualTo(expected);
        SrtpContext receiver = rfc7714(suite, key);
        assertThat(receiver.unprotect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTP);
        byte[] tampered = HEX.parseHex(expected);
        tampered[20] ^= 1;
        assertThat(rfc7714(suite, key).unprotect(Packets.direct(tampered))).isEqualTo(SrtpContext.AUTH_FAILED);
        assertThat(receiver.unprotect(Packets.direct(HEX.parseHex(expected)))).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void gcmSrtcpMatchesRfc7714Section17() {
        checkRtcp(SrtpSuite.AEAD_AES_128_GCM, KEY_128, SRTCP_128);
        checkRtcp(SrtpSuite.AEAD_AES_256_GCM, KEY_256, SRTCP_256);
    }

    private static void checkRtcp(SrtpSuite suite, byte[] key, String expected) {
        SrtpContext sender = rfc7714(suite, key);
        sender.nextRtcpIndex(0x5d4);
        ByteBuffer p = Packets.direct(RTCP);
        assertThat(sender.protectRtcp(p)).isEqualTo(SrtpContext.OK);
        assertThat(HEX.formatHex(Packets.bytes(p))).as("%s SRTCP", suite).isEqualTo(expected);
        SrtpContext receiver = rfc7714(suite, key);
        assertThat(receiver.unprotectRtcp(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTCP);
        byte[] tampered = HEX.parseHex(expected);
        tampered[10] ^= 1;
        assertThat(rfc7714(suite, key).unprotectRtcp(Packets.direct(tampered))).isEqualTo(SrtpContext.AUTH_FAILED);
        assertThat(receiver.unprotectRtcp(Packets.direct(HEX.parseHex(expected)))).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void gcmWithUnencryptedSrtcpAuthenticatesTheWholePacketAndLeavesItClear() {
        SrtpKeys keys = SrtpKeys.of(KEY_128, new byte[0], SALT);
        SrtpOptions clear = SrtpOptions.of(true, false, true, 0, 0);
        SrtpContext sender = new SrtpContext(SrtpSuite.AEAD_AES_128_GCM, keys, keys, clear);
        sender.nextRtcpIndex(0x5d4);
        ByteBuffer p = Packets.direct(RTCP);
        assertThat(sender.protectRtcp(p)).isEqualTo(SrtpContext.OK);
        byte[] out = Packets.bytes(p);
        assertThat(out.length).isEqualTo(RTCP.length + 16 + 4);
        assertThat(java.util.Arrays.copyOf(out, RTCP.length)).isEqualTo(RTCP);
        assertThat(HEX.formatHex(out, RTCP.length + 16, out.length)).isEqualTo("000005d4");
        // the tag is GMAC over packet || word: the JDK's GCM with that AAD and no plaintext agrees
        assertThat(java.util.Arrays.copyOfRange(out, RTCP.length, RTCP.length + 16))
                .isEqualTo(jdkGcm(KEY_128, HEX.parseHex("517524055203726f207170bb"), concat(RTCP, HEX.parseHex("000005d4")), new byte[0]));
        out[12] ^= 1;
        assertThat(rfc7714(SrtpSuite.AEAD_AES_128_GCM, KEY_128).unprotectRtcp(Packets.direct(out))).isEqualTo(SrtpContext.AUTH_FAILED);
        out[12] ^= 1;
        ByteBuffer q = Packets.direct(out);
        assertThat(rfc7714(SrtpSuite.AEAD_AES_128_GCM, KEY_128).unprotectRtcp(q)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(q)).isEqualTo(RTCP);
    }

    @Test
    void ownGcmAgreesWithTheJdksOnRandomInputs() throws Exception {
        Random random = new Random(7714);
        for (int n = 0; n < 400; n++) {
            byte[] key = new byte[n % 2 == 0 ? 16 : 32];
            byte[] iv = new byte[12];
            byte[] aad = new byte[random.nextInt(40)];
            byte[] aad2 = new byte[random.nextInt(6)];
            byte[] text = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(iv);
            random.nextBytes(aad);
            random.nextBytes(aad2);
            random.nextBytes(text);
            byte[] data = java.util.Arrays.copyOf(text, text.length + 16);
            AesGcm gcm = new AesGcm(key);
            gcm.seal(iv, aad, 0, aad.length, aad2, 0, aad2.length, data, 0, text.length, text.length);
            assertThat(data).as("case %d", n).isEqualTo(jdkGcm(key, iv, concat(aad, aad2), text));
            assertThat(gcm.open(iv, aad, 0, aad.length, aad2, 0, aad2.length, data, 0, text.length, text.length)).isTrue();
            assertThat(java.util.Arrays.copyOf(data, text.length)).isEqualTo(text);
        }
    }

    @Test
    void f8MatchesRfc3711AppendixB1() {
        byte[] key = HEX.parseHex("234829008467be186c3de14aae72d62c");
        byte[] salt = HEX.parseHex("32f2870d");
        byte[] packet = HEX.parseHex("806e5cba50681de55c621599"
                + "70736575646f72616e646f6d6e65737320697320746865206e6578742062657374207468696e67");
        String expected = "806e5cba50681de55c621599"
                + "019ce7a26e7854014a6366aa95d4eefd1ad4172a14f9faf455b7f1d4b62bd08f562c0eef7c4802";
        // through the suite's IV rule (0x00 || M PT SEQ TS SSRC || ROC), ROC d462564a as in B.1
        KeystreamCipher f8 = KeystreamCipher.of(SrtpSuite.F8_128_HMAC_SHA1_80, SrtpKeys.of(key, new byte[20], salt));
        f8.rtp(packet, 12, packet.length, 0x5c621599L, 0xd462564aL, 0x5cba);
        assertThat(HEX.formatHex(packet)).isEqualTo(expected);
        f8.rtp(packet, 12, packet.length, 0x5c621599L, 0xd462564aL, 0x5cba);
        assertThat(HEX.formatHex(packet, 12, packet.length)).isEqualTo("70736575646f72616e646f6d6e65737320697320746865206e6578742062657374207468696e67");
    }

    @Test
    void everySuiteRoundTripsWithoutAllocatingPerPacket() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (SrtpSuite suite : SrtpSuite.values()) {
            byte[] master = new byte[suite.masterBytes()];
            new Random(suite.ordinal()).nextBytes(master);
            SrtpContext sender = new SrtpContext(suite, master);
            SrtpContext receiver = new SrtpContext(suite, master);
            ByteBuffer p = ByteBuffer.allocateDirect(2048);
            for (int round = 0; round < 2; round++) {
                int failed = 0;
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int n = 0; n < 5000; n++) {
                    int seq = round * 5000 + n;
                    p.clear();
                    p.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x11223344);
                    while (p.position() < 172) {
                        p.put((byte) n);
                    }
                    p.flip();
                    failed |= sender.protect(p) | receiver.unprotect(p);
                    p.clear();
                    p.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(0x11223344).putLong(seq).putLong(n).putLong(0);
                    p.flip();
                    failed |= sender.protectRtcp(p) | receiver.unprotectRtcp(p);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertThat(failed).as("%s: every round trip succeeded", suite).isZero();
                // round 0 warms up (class loading, JIT); round 1 must be allocation-free
                if (round == 1) {
                    assertThat(allocated).as("%s: bytes allocated for 5000 RTP + 5000 RTCP round trips", suite).isLessThan(5000);
                }
            }
        }
    }

    private static byte[] jdkGcm(byte[] key, byte[] iv, byte[] aad, byte[] text) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            c.updateAAD(aad);
            return c.doFinal(text);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
