package org.ngrelay.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.recording.RecordingSession;

/**
 * {@code --recording-method=pcap}: starts sessions and runs the one writer thread that does every
 * disk operation of every session, so no media thread ever waits for a disk.
 */
public final class PcapRecorder implements Recorder, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PcapRecorder.class.getName());
    private static final long FLUSH_NS = TimeUnit.SECONDS.toNanos(1);

    private final RecordingConfig config;
    private final SecureRandom random = new SecureRandom();
    private final List<PcapSession> sessions = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private volatile boolean running = true;
    /** Test hook: a writer that does nothing, as behind a disk that does not answer. */
    private volatile boolean stalled;

    /** @throws IOException when the recording directory does not exist (rtpengine requires it too) */
    public PcapRecorder(RecordingConfig config) throws IOException {
        if (!Files.isDirectory(config.dir())) {
            throw new IOException("recording directory " + config.dir() + " does not exist");
        }
        for (String sub : new String[] {"pcaps", "metadata", "tmp"}) {
            Files.createDirectories(config.dir().resolve(sub));
        }
        this.config = config;
        this.writer = new Thread(this::writeLoop, "recording-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public RecordingSession start(String callId, long callStartEpochMs) {
        byte[] tag = new byte[8];
        random.nextBytes(tag);
        String prefix = uriEscape(callId) + "-" + HexFormat.of().formatHex(tag);
        // A format per session: it reuses a header buffer, and sessions may be finished concurrently
        // with close().
        PcapSession session = new PcapSession(callId, prefix, config.dir(), new PcapFormat(config.ethernet()),
                config.queuePackets(), callStartEpochMs);
        sessions.add(session);
        LOG.info(() -> "[" + callId + "] Recording to " + session.pcapPath());
        return session;
    }

    /** rtpengine's file prefix escaping: anything but unreserved URI characters as %XX. */
    static String uriEscape(String callId) {
        StringBuilder sb = new StringBuilder();
        for (byte b : callId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private void writeLoop() {
        long nextFlushNs = System.nanoTime() + FLUSH_NS;
        while (running || !sessions.isEmpty()) {
            if (stalled && running) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            boolean busy = false;
            long now = System.nanoTime();
            for (PcapSession s : sessions) {
                try {
                    busy |= s.drain(now);
                    if (s.stopRequested() || !running) {
                        s.finish(now);
                        sessions.remove(s);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "recording writer failed on " + s.pcapPath(), e);
                }
            }
            if (now - nextFlushNs >= 0) {
                nextFlushNs = now + FLUSH_NS;
                for (PcapSession s : sessions) {
                    s.flush(now);
                }
            }
            if (!busy) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    /** Stops (true) or restarts (false) the writer, as a disk that hangs would: for tests. */
    void stall(boolean stall) {
        stalled = stall;
    }

    /** Finishes every open session (files closed, metadata in place) and stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
