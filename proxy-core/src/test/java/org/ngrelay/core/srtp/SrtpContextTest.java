package org.ngrelay.core.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * SRTP/SRTCP against published known answers: RFC 3711 Appendix B.2 (the AES-CM keystream) and
 * B.3 (key derivation), and libsrtp's own validation packets (its srtp_validate: the RFC master
 * key, SSRC 0xcafebabe, sequence 0x1234); then the receiver's rules: replay, tampering, roll-over.
 */
class SrtpContextTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MASTER = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139" + "0ec675ad498afeebb6960b3aabe6");
    private static final byte[] RTP = HEX.parseHex("800f1234decafbadcafebabe" + "abababababababababababababababab");
    private static final byte[] SRTP_80 = HEX.parseHex("800f1234decafbadcafebabe" + "4e55dc4ce79978d88ca4d215949d2402"
            + "b78d6acc99ea179b8dbb");
    private static final byte[] RTCP = HEX.parseHex("81c8000bcafebabe" + "abababababababababababababababab");
    private static final byte[] SRTCP = HEX.parseHex("81c8000bcafebabe" + "7128035be487b9bdbef89041f977a5a8" + "80000001"
            + "993e08cd54d6c1230798");



    @Test
    void keyDerivationMatchesRfc3711AppendixB3() {
        SrtpKeys keys = SrtpKeys.derive(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, false);
        assertThat(HEX.formatHex(keys.encryptionKey())).isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
        assertThat(HEX.formatHex(keys.saltKey())).isEqualTo("30cbbc08863d8c85d49db34a9ae1");
        assertThat(HEX.formatHex(keys.authKey())).isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
    }

    @Test
    void keystreamMatchesRfc3711AppendixB2() {
        AesCounter aes = new AesCounter(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] iv = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000");
        byte[] first = new byte[48];
        aes.apply(iv, first, 0, 48);
        assertThat(HEX.formatHex(first)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4" + "d23513162b02d0f72a43a2fe4a5f97ab"
                + "41e95b3bb0a2e8dd477901e4fca894c0");
        iv[14] = (byte) 0xfe;
        iv[15] = (byte) 0xff;
        byte[] last = new byte[48];
        aes.apply(iv, last, 0, 48);
        assertThat(HEX.formatHex(last)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4" + "362b7c3c6773516318a077d7fc5073ae"
                + "6a2cc3787889374fbeb4c81b17ba6c44");
    }

    @Test
    void protectsAndUnprotectsLibsrtpsValidationPackets() {
        SrtpContext sender = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        ByteBuffer p = Packets.direct(RTP);
        assertThat(sender.protect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(SRTP_80);
        SrtpContext receiver = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        assertThat(receiver.unprotect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTP);

        SrtpContext short32 = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, MASTER);
        ByteBuffer q = Packets.direct(RTP);
        short32.protect(q);
        assertThat(Packets.bytes(q)).as("the 32-bit tag is the 80-bit one cut short").isEqualTo(java.util.Arrays.copyOf(SRTP_80, 32));

        ByteBuffer r = Packets.direct(RTCP);
        assertThat(sender.protectRtcp(r)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(r)).isEqualTo(SRTCP);
        assertThat(receiver.unprotectRtcp(r)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(r)).isEqualTo(RTCP);
    }

    /** RFC 6188 §7.4 (AES-192 key derivation); the cipher key's first 16 bytes as cisco/libsrtp#763 quotes them. */
    @Test
    void aes192KeyDerivationFollowsRfc6188() {
        byte[] master = HEX.parseHex("73edc66c4fa15776fb57f9505c17136550ffda71f3e8e5f1" + "c8522f3acd4ce86d5add78edbb11");
        SrtpKeys keys = SrtpKeys.derive(SrtpSuite.AES_192_CM_HMAC_SHA1_80, master, false);
        assertThat(HEX.formatHex(keys.encryptionKey())).startsWith("31874736a8f1143870c26e4857d8a5b2");
    }

    /** libsrtp's (and rtpengine's own test's) AES-192/256 packets: a 46-byte key stream cut to each suite's key and salt. */
    @Test
    void aes192And256MatchTheirKnownAnswers() {
        byte[] material = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139" + "0ec675ad498afeebb6960b3aabe6c173" + "c317f2dabe357793b6960b3aabe6");
        check(SrtpSuite.AES_192_CM_HMAC_SHA1_80, concat(material, 0, 24, 24), "01578189446252" + "9d91cf3659d2462db308d9a044c5d7d68b26ba",
                "966d603e71f9af335cf9091a50ca4d3a" + "80000001" + "d42b40218dde4990bdef");
        check(SrtpSuite.AES_256_CM_HMAC_SHA1_80, concat(material, 0, 32, 32), "0098219f7ebdba1c3d22f4936f1eac9906f6b227c84961a7b428",
                "0a865d339e3126935923" + "87d45b99a557" + "80000001" + "84f3b4f2b595615af9b5");
        byte[] other = HEX.parseHex("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6" + "3b04803de51ee7c96423ab5b78d2");
        check(SrtpSuite.AES_256_CM_HMAC_SHA1_80, other, "f1d9de17ff251ff1aa007774b0b4b40da08d9d9a5b3a55d8873b", null);
    }

    private static byte[] concat(byte[] material, int keyFrom, int keyTo, int saltFrom) {
        byte[] out = new byte[keyTo - keyFrom + 14];
        System.arraycopy(material, keyFrom, out, 0, keyTo - keyFrom);
        System.arraycopy(material, saltFrom, out, keyTo - keyFrom, 14);
        return out;
    }

    private static void check(SrtpSuite suite, byte[] master, String srtpPayloadAndTag, String srtcpRest) {
        SrtpContext sender = new SrtpContext(suite, master);
        ByteBuffer p = Packets.direct(RTP);
        sender.protect(p);
        assertThat(HEX.formatHex(Packets.bytes(p))).as(suite + " SRTP").isEqualTo("800f1234decafbadcafebabe" + srtpPayloadAndTag);
        assertThat(new SrtpContext(suite, master).unprotect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTP);
        if (srtcpRest != null) {
            ByteBuffer r = Packets.direct(RTCP);
            sender.protectRtcp(r);
            assertThat(HEX.formatHex(Packets.bytes(r))).as(suite + " SRTCP").isEqualTo("81c8000bcafebabe" + srtcpRest);
            assertThat(new SrtpContext(suite, master).unprotectRtcp(r)).isEqualTo(SrtpContext.OK);
            assertThat(Packets.bytes(r)).isEqualTo(RTCP);
        }
    }

    @Test
    void replaysTamperingAndShortPacketsAreRefusedAndCounted() {
        SrtpContext receiver = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        assertThat(receiver.unprotect(Packets.direct(SRTP_80))).isEqualTo(SrtpContext.OK);
        ByteBuffer again = Packets.direct(SRTP_80);
        assertThat(receiver.unprotect(again)).isEqualTo(SrtpContext.REPLAYED);
        assertThat(Packets.bytes(again)).as("a refused packet is left as it was").isEqualTo(SRTP_80);
        byte[] tampered = SRTP_80.clone();
        tampered[20] ^= 1;
        SrtpContext other = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        assertThat(other.unprotect(Packets.direct(tampered))).isEqualTo(SrtpContext.AUTH_FAILED);
        assertThat(other.unprotect(Packets.direct(java.util.Arrays.copyOf(SRTP_80, 15)))).isEqualTo(SrtpContext.TOO_SHORT);
        assertThat(receiver.unprotectRtcp(Packets.direct(SRTCP))).isEqualTo(SrtpContext.OK);
        assertThat(receiver.unprotectRtcp(Packets.direct(SRTCP))).isEqualTo(SrtpContext.REPLAYED);
        assertThat(receiver.replays()).isEqualTo(2);
        assertThat(other.authFailures()).isEqualTo(1);
    }

    private static byte[] rtp(int seq) {
        byte[] rtp = RTP.clone();
        rtp[2] = (byte) (seq >>> 8);
        rtp[3] = (byte) seq;
        return rtp;
    }

    @Test
    void theRollOverCounterFollowsTheSequenceAcrossItsWrap() {
        SrtpContext sender = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        SrtpContext receiver = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        // 65535 comes late, after the wrap: the sender still protects it under ROC 0, the receiver takes it as such
        int[] sequence = {65533, 65534, 0, 1, 65535, 2};
        for (int seq : sequence) {
            ByteBuffer p = Packets.direct(rtp(seq));
            sender.protect(p);
            assertThat(receiver.unprotect(p)).as("seq %d", seq).isEqualTo(SrtpContext.OK);
            assertThat(Packets.bytes(p)).isEqualTo(rtp(seq));
        }
        ByteBuffer duplicate = Packets.direct(rtp(65535));
        sender.protect(duplicate);
        assertThat(receiver.unprotect(duplicate)).as("seen already").isEqualTo(SrtpContext.REPLAYED);
        assertThat(receiver.roc()).isEqualTo(1);
        // a packet from 100 packets back is outside the 64-packet window
        SrtpContext oldSender = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER);
        ByteBuffer late = Packets.direct(rtp(65436));
        oldSender.protect(late);
        assertThat(receiver.unprotect(late)).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void sessionParametersAndMkiChangeThePacketAsRfc4568Says() {
        // UNENCRYPTED_SRTP: the payload stays readable, the tag still covers it
        SrtpOptions clear = SrtpOptions.of(false, true, true, 0, 0);
        ByteBuffer p = Packets.direct(RTP);
        assertThat(new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, clear).protect(p)).isEqualTo(SrtpContext.OK);
        assertThat(java.util.Arrays.copyOf(Packets.bytes(p), RTP.length)).isEqualTo(RTP);
        assertThat(p.remaining()).isEqualTo(RTP.length + 10);
        SrtpContext clearReceiver = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, clear);
        ByteBuffer tampered = Packets.direct(Packets.bytes(p));
        tampered.put(20, (byte) 0);
        assertThat(clearReceiver.unprotect(tampered)).isEqualTo(SrtpContext.AUTH_FAILED);
        assertThat(clearReceiver.unprotect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTP);

        // UNAUTHENTICATED_SRTP with a 2-byte MKI: encrypted as before, then the MKI, no tag
        SrtpOptions mkiOnly = SrtpOptions.of(true, true, false, 0x0102, 2);
        p = Packets.direct(RTP);
        new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, mkiOnly).protect(p);
        byte[] sent = Packets.bytes(p);
        assertThat(sent).hasSize(RTP.length + 2);
        assertThat(java.util.Arrays.copyOf(sent, RTP.length)).isEqualTo(java.util.Arrays.copyOf(SRTP_80, RTP.length));
        assertThat(java.util.Arrays.copyOfRange(sent, RTP.length, RTP.length + 2)).containsExactly(1, 2);
        assertThat(new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, mkiOnly).unprotect(p)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(p)).isEqualTo(RTP);

        // an MKI with a tag: the tag is the one without MKI (the MKI is not authenticated), behind it
        SrtpOptions mki = SrtpOptions.of(true, true, true, 7, 1);
        p = Packets.direct(RTP);
        new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, mki).protect(p);
        sent = Packets.bytes(p);
        assertThat(sent[RTP.length]).isEqualTo((byte) 7);
        assertThat(java.util.Arrays.copyOfRange(sent, RTP.length + 1, sent.length))
                .isEqualTo(java.util.Arrays.copyOfRange(SRTP_80, RTP.length, SRTP_80.length));

        // UNENCRYPTED_SRTCP: E clear, the report readable, index word, MKI and tag behind it
        ByteBuffer r = Packets.direct(RTCP);
        SrtpOptions clearRtcp = SrtpOptions.of(true, false, true, 9, 1);
        new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, clearRtcp).protectRtcp(r);
        byte[] report = Packets.bytes(r);
        assertThat(java.util.Arrays.copyOf(report, RTCP.length)).isEqualTo(RTCP);
        assertThat(report).hasSize(RTCP.length + 4 + 1 + 10);
        assertThat(report[RTCP.length] & 0x80).isZero();
        assertThat(report[RTCP.length + 4]).isEqualTo((byte) 9);
        assertThat(new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER, clearRtcp).unprotectRtcp(r)).isEqualTo(SrtpContext.OK);
        assertThat(Packets.bytes(r)).isEqualTo(RTCP);
    }
}
