package org.ngrelay.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/** Real recordings of real calls on loopback, read back with tshark like an operator would. */
@Timeout(60)
class PcapRecordingTest {

    @TempDir
    Path dir;

    @Test
    void recordCallWritesRtpenginesPcapAndMetadata() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 26000, 26999);
             NgClient ng = relay.client();
             TwoPartyCall call = new TwoPartyCall("rec-1@example.com")) {
            Map<String, Object> offer = call.offer(ng);
            assertThat(offer.get("recordings")).as("not recording yet").isNull();
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", call.callId, "from-tag", TwoPartyCall.FROM_TAG,
                    "to-tag", TwoPartyCall.TO_TAG, "record call", "yes", "metadata", "probe=1|x=y",
                    "sdp", org.ngrelay.core.testing.Sdps.audio("callee", "127.0.0.1", call.calleeRtp.port(), call.calleeRtcp.port())));
            call.answerSdp = (String) answer.get("sdp");
            call.relayForCaller = new java.net.InetSocketAddress("127.0.0.1", org.ngrelay.core.testing.Sdps.audioPort(call.answerSdp));
            call.relayForCallerRtcp = new java.net.InetSocketAddress("127.0.0.1", call.relayForCaller.getPort() + 1);
            @SuppressWarnings("unchecked")
            List<Object> recordings = (List<Object>) answer.get("recordings");
            assertThat(recordings).hasSize(1);
            Path pcap = Path.of((String) recordings.get(0));
            assertThat(pcap.getParent()).isEqualTo(dir.resolve("pcaps").toAbsolutePath());
            assertThat(pcap.getFileName().toString()).matches("rec-1%40example\\.com-[0-9a-f]{16}\\.pcap");

            for (int i = 0; i < 25; i++) {
                call.assertRtpBothWays();
            }
            call.assertRtcpBothWays();
            // written while the call runs (flushed at least once a second), not only at close
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(pcap) && Files.size(pcap) >= 24 + 50 * (16 + 28 + 172));

            Map<String, Object> deleted = ng.request(dict("command", "delete", "call-id", call.callId));
            assertThat(deleted).containsEntry("result", "ok");
            Path meta = dir.resolve("metadata").resolve("rtpengine-meta-" + pcap.getFileName().toString().replace(".pcap", ".txt"));
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(meta));
            assertThat(dir.resolve("tmp")).isEmptyDirectory();

            String text = Files.readString(meta, StandardCharsets.UTF_8);
            String normalised = text.replaceAll("\\d{13}\\.\\d{3}", "MS").replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d", "TIME");
            assertThat(normalised).isEqualTo(pcap + "\n\n\n"
                    + "Timestamp started ms: MS\nSDP mode: answer\nSDP before RTP packet: 1\n\n" + call.answerSdp + "\n"
                    + "Timestamp terminated ms(first monologue): MS\n\n"
                    + "call start time: TIME\ncall end time: TIME\n\n\nprobe=1|x=y\n");

            // 25 RTP each way, 1 RTCP each way, all ingress, with the real endpoints.
            assertThat(Files.size(pcap)).isEqualTo(24 + 50L * (16 + 28 + 172) + 2L * (16 + 28 + 8));
            byte[] head = Files.readAllBytes(pcap);
            assertThat(head[20]).as("link type 101, raw IP").isEqualTo((byte) 101);
            if (tshark() != null) {
                int port = call.relayForCaller.getPort();
                List<String> rtp = tshark("-r", pcap.toString(), "-d", "udp.port==" + port + ",rtp",
                        "-d", "udp.port==" + call.relayForCallee.getPort() + ",rtp", "-Y", "rtp", "-T", "fields", "-e", "rtp.ssrc");
                assertThat(rtp).hasSize(50);
                assertThat(rtp.stream().filter(s -> s.equals("0x11111111"))).hasSize(25);
                List<String> rtcp = tshark("-r", pcap.toString(), "-d", "udp.port==" + (port + 1) + ",rtcp",
                        "-d", "udp.port==" + call.relayForCalleeRtcp.getPort() + ",rtcp", "-Y", "rtcp", "-T", "fields", "-e", "ip.dst");
                assertThat(rtcp).hasSize(2);
            }
        }
    }

    @Test
    void startStopStartMakesTwoSessionsAndVanishedDirectoriesAreMadeAgain() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, true, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 27000, 27999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rec-2")) {
            assertThat(ng.request(dict("command", "start recording", "call-id", "rec-2"))).containsEntry("result", "ok");
            call.assertRtpBothWays();
            Map<String, Object> stopped = ng.request(dict("command", "stop recording", "call-id", "rec-2"));
            Map<String, Object> first = recording(stopped, 0);
            assertThat(first).containsEntry("packets", 2L).containsEntry("dropped-packets", 0L);
            String firstMeta = Files.readString(dir.resolve("metadata").resolve("rtpengine-meta-"
                    + Path.of((String) first.get("file")).getFileName().toString().replace(".pcap", ".txt")));
            assertThat(firstMeta).contains("Timestamp terminated ms(first monologue): 0.000\n").doesNotContain("SDP mode");

            // rtpengine silently stops recording when these vanish; ngrelay makes them again.
            deleteTree(dir.resolve("pcaps"));
            deleteTree(dir.resolve("metadata"));
            deleteTree(dir.resolve("tmp"));
            assertThat(ng.request(dict("command", "start recording", "call-id", "rec-2"))).containsEntry("result", "ok");
            call.assertRtpBothWays();
            call.assertRtpBothWays();
            Map<String, Object> deleted = ng.request(dict("command", "delete", "call-id", "rec-2", "delete-delay", 0L));
            assertThat((List<?>) deleted.get("recordings")).as("both sessions, with final figures").hasSize(2);
            assertThat(recording(deleted, 0)).containsEntry("packets", 2L);
            assertThat(recording(deleted, 1)).containsEntry("packets", 4L).containsEntry("dropped-packets", 0L);
            assertThat(countFiles(dir.resolve("metadata"))).as("files closed before the delete is answered").isEqualTo(1);
            try (Stream<Path> pcaps = Files.list(dir.resolve("pcaps"))) {
                Path second = pcaps.findFirst().orElseThrow();
                byte[] bytes = Files.readAllBytes(second);
                assertThat(bytes[20]).as("link type 1, Ethernet").isEqualTo((byte) 1);
                assertThat(bytes.length).isEqualTo(24 + 4 * (16 + 14 + 28 + 172));
            }
        }
    }

    @Test
    void pauseKeepsTheSessionAndItsFilesAndRecordsNothingUntilResumed() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 28000, 28999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rec-pause")) {
            ng.request(dict("command", "start recording", "call-id", "rec-pause"));
            call.assertRtpBothWays();
            ng.request(dict("command", "stop recording", "call-id", "rec-pause", "flags", List.of("pause")));
            call.assertRtpBothWays();
            call.assertRtpBothWays();
            Map<String, Object> paused = ng.request(dict("command", "pause recording", "call-id", "rec-pause"));
            assertThat(paused).containsEntry("result", "ok");
            ng.request(dict("command", "start recording", "call-id", "rec-pause"));
            call.assertRtpBothWays();
            Map<String, Object> stopped = ng.request(dict("command", "stop recording", "call-id", "rec-pause"));
            Map<String, Object> stats = recording(stopped, 0);
            assertThat(stats).as("2 before the pause + 2 after, none while paused, none dropped")
                    .containsEntry("packets", 4L).containsEntry("dropped-packets", 0L);
            assertThat(countFiles(dir.resolve("pcaps"))).isEqualTo(1);
            assertThat(countFiles(dir.resolve("metadata"))).isEqualTo(1);
        }
    }

    @Test
    void aStalledWriterNeverSlowsTheMediaAndItsDropsAreCountedExactly() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 64));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 29000, 29999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rec-slow")) {
            ng.request(dict("command", "start recording", "call-id", "rec-slow"));
            recorder.stall(true);
            int sent = 500;
            int relayed = 0;
            long startNs = System.nanoTime();
            // bursts of 10 (media is paced; an unpaced flood would only measure socket buffers)
            for (int i = 0; i < sent; i += 10) {
                for (int j = i; j < i + 10; j++) {
                    call.callerRtp.send(RtpPackets.rtp(0, j, 160L * j, 0x5151L, 160), call.relayForCaller);
                }
                for (int j = 0; j < 10 && call.calleeRtp.receive(Duration.ofSeconds(2)) != null; j++) {
                    relayed++;
                }
            }
            long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
            assertThat(relayed).as("every packet relayed while the writer hangs").isEqualTo(sent);
            recorder.stall(false);
            Map<String, Object> stopped = ng.request(dict("command", "stop recording", "call-id", "rec-slow"));
            Map<String, Object> stats = recording(stopped, 0);
            // the queue holds 64 packets; the other 436 were dropped from the recording only
            assertThat(stats).containsEntry("packets", 64L).containsEntry("dropped-packets", (long) sent - 64);
            System.out.println("stalled writer: " + sent + " packets relayed in " + elapsedMs + " ms, 64 recorded, "
                    + (sent - 64) + " dropped from the recording");
        }
    }

    @Test
    void singleLegPatternNotifyAndPathChecks() throws Exception {
        Path hookOut = dir.resolve("hook.out");
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$1 $2 $CALL_ID $PACKETS $DROPPED_PACKETS\" > " + hookOut + "\n");
        hook.toFile().setExecutable(true);
        Path rec = Files.createDirectories(dir.resolve("rec"));
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(rec, false, 1024, "%{customer}-%c-%l", hook, 0));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 29000, 29999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "leg/1")) {
            assertThat(ng.request(dict("command", "start recording", "call-id", "leg/1", "recording-file", "../../x.pcap")))
                    .containsEntry("result", "error").containsEntry("error-reason", "Recording path '../../x.pcap' is outside the recording directory");
            assertThat(ng.request(dict("command", "start recording", "call-id", "leg/1", "recording-dir", "/tmp")))
                    .containsEntry("result", "error");
            assertThat(ng.request(dict("command", "start recording", "call-id", "leg/1", "from-tag", TwoPartyCall.FROM_TAG,
                    "flags", List.of("single-leg"), "metadata", "customer:acme|x:1"))).containsEntry("result", "ok");
            for (int i = 0; i < 5; i++) {
                call.assertRtpBothWays();
            }
            Map<String, Object> stopped = ng.request(dict("command", "stop recording", "call-id", "leg/1"));
            Map<String, Object> stats = recording(stopped, 0);
            assertThat(stats).as("only the caller's 5 packets").containsEntry("packets", 5L);
            Path pcap = Path.of((String) stats.get("file"));
            assertThat(pcap.getFileName().toString()).isEqualTo("acme-leg%2F1-.pcap");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(hookOut));
            Path meta = rec.resolve("metadata").resolve("rtpengine-meta-acme-leg%2F1-.txt");
            assertThat(Files.readString(hookOut).trim()).isEqualTo(meta + " " + pcap + " leg/1 5 0");

            // an explicit file in a directory of its own inside the recording dir
            assertThat(ng.request(dict("command", "start recording", "call-id", "leg/1", "recording-file", "calls/one.pcap")))
                    .containsEntry("result", "ok");
            call.assertRtpBothWays();
            ng.request(dict("command", "stop recording", "call-id", "leg/1"));
            assertThat(rec.resolve("calls/one.pcap")).exists();
        }
    }

    @Test
    void anUnwritableDirectoryIsReportedAndRecordingResumesWhenItIsWritableAgain() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 29000, 29999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rec-broken")) {
            // A file where the pcaps directory should be: nothing can be created under it (even as root).
            deleteTree(dir.resolve("pcaps"));
            Files.writeString(dir.resolve("pcaps"), "in the way");
            assertThat(ng.request(dict("command", "start recording", "call-id", "rec-broken"))).containsEntry("result", "ok");
            call.assertRtpBothWays();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Map<String, Object> q = ng.request(dict("command", "query", "call-id", "rec-broken"));
                Map<String, Object> r = recording(q, 0);
                assertThat((String) r.get("error")).contains("pcaps");
                assertThat(r.get("dropped-packets")).isEqualTo(2L);
            });
            call.assertRtpBothWays(); // the call keeps relaying
            Files.delete(dir.resolve("pcaps"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                call.assertRtpBothWays();
                Map<String, Object> q = ng.request(dict("command", "query", "call-id", "rec-broken"));
                Map<String, Object> r = recording(q, 0);
                assertThat(r).doesNotContainKey("error");
                assertThat((Long) r.get("packets")).isPositive();
            });
        }
    }

    @Test
    void rotationSplitsIntoNumberedPartsListedInTheMetadata() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 1024, "%c", null, 1));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 29000, 29999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rot")) {
            ng.request(dict("command", "start recording", "call-id", "rot"));
            long end = System.nanoTime() + Duration.ofMillis(2600).toNanos();
            int sent = 0;
            while (System.nanoTime() < end) {
                call.assertRtpBothWays(); // paced by the round trips
                sent += 2;
                await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> true);
            }
            ng.request(dict("command", "stop recording", "call-id", "rot"));
            String meta = Files.readString(dir.resolve("metadata").resolve("rtpengine-meta-rot.txt"));
            List<String> parts = meta.lines().takeWhile(l -> !l.isEmpty()).toList();
            assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
            assertThat(parts.get(0)).endsWith("/pcaps/rot.pcap");
            assertThat(parts.get(1)).endsWith("/pcaps/rot-part2.pcap");
            long packets = 0;
            for (String part : parts) {
                long size = Files.size(Path.of(part));
                assertThat(size).as(part).isGreaterThanOrEqualTo(24);
                packets += (size - 24) / (16 + 28 + 172);
            }
            assertThat(packets).as("every packet is in one of the parts").isEqualTo(sent);
        }
    }

    @Test
    void ipv6CallsGetIpv6HeadersAndRecordCallNoEndsTheSession() throws Exception {
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, 256));
             InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), recorder, 29000, 29999, "::1");
             NgClient ng = relay.client();
             UdpPeer caller = UdpPeer.bind("::1");
             UdpPeer callee = UdpPeer.bind("::1")) {
            String offerSdp = "v=0\r\no=a 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\nm=audio " + caller.port() + " RTP/AVP 0\r\n";
            String answerSdp = "v=0\r\no=b 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\nm=audio " + callee.port() + " RTP/AVP 0\r\n";
            Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", "v6rec", "from-tag", "a", "sdp", offerSdp,
                    "flags", List.of("record-call")));
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "v6rec", "from-tag", "a", "to-tag", "b",
                    "sdp", answerSdp));
            assertThat(offer).containsKey("recordings");
            java.net.InetSocketAddress toCaller = new java.net.InetSocketAddress("::1",
                    org.ngrelay.core.testing.Sdps.audioPort((String) answer.get("sdp")));
            java.net.InetSocketAddress toCallee = new java.net.InetSocketAddress("::1",
                    org.ngrelay.core.testing.Sdps.audioPort((String) offer.get("sdp")));
            TwoPartyCall.assertDelivered(caller, toCaller, callee, toCallee, RtpPackets.rtp(0, 1, 0, 1, 160));
            TwoPartyCall.assertDelivered(callee, toCallee, caller, toCaller, RtpPackets.rtp(0, 1, 0, 2, 160));
            Path pcap = Path.of((String) ((List<?>) offer.get("recordings")).get(0));

            // record call: no on a re-offer ends the session; later packets are not recorded
            Map<String, Object> reOffer = ng.request(dict("command", "offer", "call-id", "v6rec", "from-tag", "a", "to-tag", "b",
                    "sdp", offerSdp, "record call", "no"));
            assertThat(reOffer).doesNotContainKey("recordings");
            TwoPartyCall.assertDelivered(caller, toCaller, callee, toCallee, RtpPackets.rtp(0, 2, 160, 1, 160));
            await().atMost(Duration.ofSeconds(5)).until(() -> countFiles(dir.resolve("metadata")) == 1);
            byte[] bytes = Files.readAllBytes(pcap);
            assertThat(bytes.length).as("2 packets with 40-byte IPv6 + 8-byte UDP headers").isEqualTo(24 + 2 * (16 + 48 + 172));
            assertThat(bytes[24 + 16] & 0xf0).as("IP version 6").isEqualTo(0x60);
            if (tshark() != null) {
                assertThat(tshark("-r", pcap.toString(), "-T", "fields", "-e", "ipv6.src", "-e", "udp.dstport"))
                        .containsExactly("::1\t" + toCaller.getPort(), "::1\t" + toCallee.getPort());
            }
        }
    }

    @Test
    void withoutARecordingDirectoryTheCallGoesOnWithAWarning() throws Exception {
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 28000, 28999);
             NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "rec-3")) {
            Map<String, Object> reply = ng.request(dict("command", "start recording", "call-id", "rec-3"));
            assertThat(reply).containsEntry("result", "ok");
            assertThat((String) reply.get("warning")).contains("no --recording-dir");
            call.assertRtpBothWays();
        }
    }

    /** The figures of recording {@code index} in a reply's {@code recordings} list. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recording(Map<String, Object> reply, int index) {
        List<Object> recordings = (List<Object>) reply.get("recordings");
        assertThat(recordings).as("recordings in %s", reply).isNotNull().hasSizeGreaterThan(index);
        return (Map<String, Object>) recordings.get(index);
    }

    private static long countFiles(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    private static void deleteTree(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private static String tshark() {
        File f = new File("/usr/bin/tshark");
        return f.canExecute() ? f.getPath() : null;
    }

    private static List<String> tshark(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(tshark()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
