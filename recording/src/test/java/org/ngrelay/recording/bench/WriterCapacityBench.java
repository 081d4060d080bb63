package org.ngrelay.recording.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ngrelay.core.recording.RecordingRequest;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.recording.PcapRecorder;
import org.ngrelay.recording.RecordingConfig;

/**
 * How many concurrent recordings one writer thread keeps up with: K sessions, each fed like a
 * G.711 call recorded both ways (100 packets of 172 bytes a second, paced in 20 ms ticks) from
 * one producer thread standing in for the media loops, for D seconds; then the drops.
 * Run: mvn -q -pl recording test-compile exec:java ... or
 *   java -cp "recording/target/test-classes:recording/target/classes:$(cat cp.txt)" \
 *        org.ngrelay.recording.bench.WriterCapacityBench DIR SECONDS K1 K2 ...
 * Not a unit test: figures go to docs/performance.md.
 */
public final class WriterCapacityBench {

    private WriterCapacityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        for (int a = 2; a < args.length; a++) {
            int k = Integer.parseInt(args[a]);
            Path dir = Files.createDirectories(base.resolve("k" + k));
            run(dir, k, seconds);
        }
    }

    private static void run(Path dir, int sessionsCount, int seconds) throws Exception {
        List<RecordingSession> sessions = new ArrayList<>();
        long sent = 0;
        long cpuBefore;
        try (PcapRecorder recorder = new PcapRecorder(new RecordingConfig(dir, false, RecordingConfig.DEFAULT_QUEUE_PACKETS))) {
            for (int i = 0; i < sessionsCount; i++) {
                sessions.add(recorder.start(RecordingRequest.of("bench-" + i, System.currentTimeMillis())));
            }
            ByteBuffer packet = ByteBuffer.allocateDirect(172);
            InetSocketAddress src = new InetSocketAddress("127.0.0.1", 20000);
            InetSocketAddress dst = new InetSocketAddress("127.0.0.1", 30000);
            cpuBefore = writerCpuNs();
            long start = System.nanoTime();
            long tick = TimeUnit.MILLISECONDS.toNanos(20);
            long next = start;
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (next < end) {
                for (RecordingSession s : sessions) { // 2 packets per 20 ms tick per session = 100/s
                    s.packet(packet, src, dst, System.nanoTime() / 1000);
                    s.packet(packet, src, dst, System.nanoTime() / 1000);
                    sent += 2;
                }
                next += tick;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            long lag = System.nanoTime() - end;
            long written = 0;
            long dropped = 0;
            for (RecordingSession s : sessions) {
                RecordingStats st = s.stop(0).get(60, TimeUnit.SECONDS);
                written += st.packets();
                dropped += st.droppedPackets();
            }
            double writerCpuPct = 100.0 * (writerCpuNs() - cpuBefore) / TimeUnit.SECONDS.toNanos(seconds);
            System.out.printf("recordings=%d seconds=%d packets=%d written=%d dropped=%d (%.3f%%) producer-lag-ms=%d writer-cpu=%.0f%%%n",
                    sessionsCount, seconds, sent, written, dropped, 100.0 * dropped / sent, lag / 1_000_000, writerCpuPct);
        }
    }

    private static long writerCpuNs() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
            if (info != null && info.getThreadName().equals("recording-writer")) {
                return mx.getThreadCpuTime(id);
            }
        }
        return 0;
    }
}
