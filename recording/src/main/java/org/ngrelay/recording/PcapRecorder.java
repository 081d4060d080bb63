package org.ngrelay.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.recording.RecordingRequest;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.core.recording.RecordingTotals;

/**
 * {@code --recording-method=pcap}: starts sessions and runs the one writer thread that does every
 * disk operation of every session, so no media thread ever waits for a disk.
 */
public final class PcapRecorder implements Recorder, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PcapRecorder.class.getName());
    private static final long FLUSH_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long NOTIFY_TIMEOUT_SECONDS = 30;

    private final RecordingConfig config;
    private final SecureRandom random = new SecureRandom();
    private final List<PcapSession> sessions = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recording-notify");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    /** Sessions started; and the final figures of finished ones, moved in under {@link #totalsLock}. */
    private long files;
    private long finishedPackets;
    private long finishedDropped;
    private final Object totalsLock = new Object();
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
    public RecordingSession start(RecordingRequest request) throws IOException {
        byte[] tag = new byte[8];
        random.nextBytes(tag);
        LocalDateTime now = LocalDateTime.now();
        String pattern = request.pattern() != null ? request.pattern() : config.pattern();
        String prefix = RecordingNames.expand(pattern, request.callId(), HexFormat.of().formatHex(tag), request.label(),
                request.metadata(), now);
        Path pcapDir = request.directory() != null
                ? RecordingNames.inside(config.dir(), request.directory())
                : config.dir().resolve("pcaps");
        Path pcap;
        if (request.file() != null) {
            pcap = RecordingNames.inside(config.dir(), request.file());
            String name = pcap.getFileName().toString();
            prefix = name.endsWith(".pcap") ? name.substring(0, name.length() - 5) : name;
        } else {
            pcap = pcapDir.resolve(RecordingNames.sanitise(prefix, ".pcap"));
        }
        String metadataName = RecordingNames.sanitise("rtpengine-meta-" + prefix, ".txt");
        // A format per session: it reuses a header buffer, and sessions may be finished concurrently
        // with close().
        PcapSession session = new PcapSession(request.callId(), pcap, metadataName, config.dir(),
                new PcapFormat(config.ethernet()), config.queuePackets(), request.callStartEpochMs(),
                TimeUnit.SECONDS.toNanos(config.rotateSeconds()), this::notifyClosed);
        synchronized (totalsLock) {
            files++;
            sessions.add(session);
        }
        LOG.info(() -> "[" + request.callId() + "] Recording to " + session.pcapPath());
        return session;
    }

    /** {@code --recording-notify-command METADATA PCAP}, off the writer thread, bounded in time. */
    private void notifyClosed(String callId, Path metadata, RecordingStats stats) {
        Path command = config.notifyCommand();
        if (command == null) {
            return;
        }
        notifier.execute(() -> {
            try {
                ProcessBuilder pb = new ProcessBuilder(command.toString(), metadata.toString(), stats.file())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("CALL_ID", callId);
                pb.environment().put("PACKETS", Long.toString(stats.packets()));
                pb.environment().put("DROPPED_PACKETS", Long.toString(stats.droppedPackets()));
                Process p = pb.start();
                if (!p.waitFor(NOTIFY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    LOG.warning(() -> "[" + callId + "] " + command + " did not finish within " + NOTIFY_TIMEOUT_SECONDS + " s: killed");
                } else if (p.exitValue() != 0) {
                    LOG.warning(() -> "[" + callId + "] " + command + " exited with " + p.exitValue());
                }
            } catch (IOException e) {
                LOG.warning(() -> "[" + callId + "] cannot run " + command + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
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
                        retire(s);
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

    /** A finished session's figures join the totals as it leaves the list, so none is counted twice. */
    private void retire(PcapSession s) {
        RecordingStats stats = s.stats();
        synchronized (totalsLock) {
            finishedPackets += stats.packets();
            finishedDropped += stats.droppedPackets();
            sessions.remove(s);
        }
    }

    @Override
    public RecordingTotals totals() {
        synchronized (totalsLock) {
            long packets = finishedPackets;
            long dropped = finishedDropped;
            for (PcapSession s : sessions) {
                RecordingStats stats = s.stats();
                packets += stats.packets();
                dropped += stats.droppedPackets();
            }
            return new RecordingTotals(files, packets, dropped);
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
            notifier.shutdown();
            notifier.awaitTermination(NOTIFY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
