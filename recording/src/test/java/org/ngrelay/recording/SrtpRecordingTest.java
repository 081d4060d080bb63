package org.ngrelay.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpSuite;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;

/** A call bridged plain ↔ SDES is recorded in the clear: the SRTP party's packets as it sent them, decrypted. */
@Timeout(60)
class SrtpRecordingTest {

    @TempDir
    Path dir;

    @Test
    void theRecordingHoldsThePlainPacketsOfBothParties() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 13100, 13199);
             NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            String toB = (String) ng.request(dict("command", "offer", "call-id", "srtp-rec", "from-tag", "a", "transport-protocol",
                    "RTP/SAVP", "record call", "yes", "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()))).get("sdp");
            Matcher line = Pattern.compile("(?m)^a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:(\\S+)").matcher(toB);
            assertThat(line.find()).isTrue();
            byte[] ngrelayKey = Base64.getDecoder().decode(line.group(1).trim());
            byte[] bKey = new byte[30];
            new java.util.Random(3).nextBytes(bKey);
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "srtp-rec", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port()).replace("RTP/AVP", "RTP/SAVP")
                            + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(bKey) + "\r\n"));
            String toA = (String) answer.get("sdp");
            Path pcap = Path.of((String) ((List<?>) answer.get("recordings")).get(0));
            InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
            SrtpContext bWrites = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bKey);
            SrtpContext bReads = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, ngrelayKey);
            for (int seq = 1; seq <= 10; seq++) {
                aRtp.send(RtpPackets.rtp(0, seq, seq * 160L, 0xaaaaL, 160), forA);
                UdpPeer.Received srtp = bRtp.receive(Duration.ofSeconds(2));
                ByteBuffer in = ByteBuffer.allocateDirect(2048).put(srtp.data()).flip();
                assertThat(bReads.unprotect(in)).isEqualTo(SrtpContext.OK);
                ByteBuffer out = ByteBuffer.allocateDirect(2048).put(RtpPackets.rtp(0, seq, seq * 160L, 0xbbbbL, 160)).flip();
                bWrites.protect(out);
                byte[] protectedPacket = new byte[out.remaining()];
                out.get(protectedPacket);
                bRtp.send(protectedPacket, forB);
                assertThat(aRtp.receive(Duration.ofSeconds(2))).isNotNull();
            }
            ng.request(dict("command", "delete", "call-id", "srtp-rec"));

            List<byte[]> packets = udpPayloads(Files.readAllBytes(pcap));
            assertThat(packets).hasSize(20);
            assertThat(packets).allSatisfy(p -> assertThat(p).as("plain RTP, no SRTP tag").hasSize(172));
            long fromB = packets.stream().filter(p -> ByteBuffer.wrap(p).getInt(8) == 0xbbbb).count();
            assertThat(fromB).as("B's packets, decrypted").isEqualTo(10);
            assertThat(packets).allSatisfy(p -> assertThat(p[171]).as("the payload in the clear").isEqualTo((byte) 0xff));
        }
    }

    /**
     * SDES ↔ SDES with the callee on another suite than the caller: ngrelay terminates both legs,
     * and the recording holds both parties' packets decrypted.
     */
    @Test
    void anSdesToSdesCallReEncryptedIsRecordedInTheClear() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 31150, 31199);
             NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            byte[] aKey = new byte[30];
            new java.util.Random(11).nextBytes(aKey);
            String toB = (String) ng.request(dict("command", "offer", "call-id", "s2s-rec", "from-tag", "a", "record call", "yes",
                    "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()).replace("RTP/AVP", "RTP/SAVP")
                            + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(aKey) + "\r\n")).get("sdp");
            Matcher line = Pattern.compile("(?m)^a=crypto:(\\d+) AES_256_CM_HMAC_SHA1_80 inline:(\\S+)").matcher(toB);
            assertThat(line.find()).isTrue();
            byte[] ngrelayKey = Base64.getDecoder().decode(line.group(2).trim());
            byte[] bKey = new byte[46];
            new java.util.Random(12).nextBytes(bKey);
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "s2s-rec", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port()).replace("RTP/AVP", "RTP/SAVP") + "a=crypto:"
                            + line.group(1) + " AES_256_CM_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(bKey) + "\r\n"));
            String toA = (String) answer.get("sdp");
            Matcher answered = Pattern.compile("(?m)^a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:(\\S+)").matcher(toA);
            assertThat(answered.find()).isTrue();
            Path pcap = Path.of((String) ((List<?>) answer.get("recordings")).get(0));
            InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
            SrtpContext aWrites = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, aKey);
            SrtpContext aReads = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, Base64.getDecoder().decode(answered.group(1).trim()));
            SrtpContext bWrites = new SrtpContext(SrtpSuite.AES_256_CM_HMAC_SHA1_80, bKey);
            SrtpContext bReads = new SrtpContext(SrtpSuite.AES_256_CM_HMAC_SHA1_80, ngrelayKey);
            for (int seq = 1; seq <= 5; seq++) {
                relayed(aRtp, forA, bRtp, aWrites, bReads, RtpPackets.rtp(0, seq, seq * 160L, 0xaaaaL, 160));
                relayed(bRtp, forB, aRtp, bWrites, aReads, RtpPackets.rtp(0, seq, seq * 160L, 0xbbbbL, 160));
            }
            ng.request(dict("command", "delete", "call-id", "s2s-rec"));

            List<byte[]> packets = udpPayloads(Files.readAllBytes(pcap));
            assertThat(packets).hasSize(10);
            assertThat(packets).allSatisfy(p -> assertThat(p).as("plain RTP, no SRTP tag").hasSize(172));
            assertThat(packets).allSatisfy(p -> assertThat(p[171]).as("the payload in the clear").isEqualTo((byte) 0xff));
        }
    }

    /** {@code from} protects and sends {@code plain}; {@code to} must read it back with its own context. */
    private static void relayed(UdpPeer from, InetSocketAddress via, UdpPeer to, SrtpContext writes, SrtpContext reads, byte[] plain) {
        ByteBuffer out = ByteBuffer.allocateDirect(2048).put(plain).flip();
        assertThat(writes.protect(out)).isEqualTo(SrtpContext.OK);
        byte[] packet = new byte[out.remaining()];
        out.get(packet);
        from.send(packet, via);
        UdpPeer.Received got = to.receive(Duration.ofSeconds(2));
        assertThat(got).isNotNull();
        ByteBuffer in = ByteBuffer.allocateDirect(2048).put(got.data()).flip();
        assertThat(reads.unprotect(in)).as("re-encrypted with the receiver's key").isEqualTo(SrtpContext.OK);
    }

    /** The UDP payloads of a raw-IP (link type 101) PCAP file. */
    private static List<byte[]> udpPayloads(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        List<byte[]> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= file.length) {
            int captured = b.getInt(at + 8);
            int ip = at + 16;
            int ipHeader = (file[ip] & 0x0f) * 4;
            int payload = ip + ipHeader + 8;
            byte[] p = new byte[captured - ipHeader - 8];
            System.arraycopy(file, payload, p, 0, p.length);
            out.add(p);
            at = ip + captured;
        }
        return out;
    }
}
