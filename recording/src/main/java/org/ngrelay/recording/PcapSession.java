package org.ngrelay.recording;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;

/**
 * One recording session: {@code pcaps/<prefix>.pcap} and the metadata file, in rtpengine 10.5's
 * layout and content. Packets arrive through the ring from the media loop; every file operation
 * happens on the writer thread.
 */
final class PcapSession implements RecordingSession {

    private static final Logger LOG = Logger.getLogger(PcapSession.class.getName());
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final long RETRY_NS = 1_000_000_000L;

    private final String callId;
    private final Path dir;
    private final Path pcap;
    /** every PCAP part in order; the first is {@link #pcap} */
    private final List<Path> parts = new ArrayList<>();
    private final long rotateNs;
    private long partStartNs;
    private final Path tmpMetadata;
    private final Path finalMetadata;
    private final PcapFormat format;
    private final PacketRing ring;
    private final long callStartEpochMs;
    private final long startNs = System.nanoTime();
    private final List<String> sdpBlocks = new ArrayList<>();
    private final CompletableFuture<RecordingStats> finished = new CompletableFuture<>();

    private volatile String metadata;
    private volatile boolean metadataDirty = true;
    private volatile long stopRequestedEpochUs = -1;
    private volatile long written;
    private volatile String error;
    private OutputStream out;
    private long retryAtNs;
    private long reportedDrops;
    private long dropWarnedNs;
    private long endNs;

    /** Told when a session's files are closed (the notify command runs from it). */
    interface ClosedListener {
        void closed(String callId, Path metadata, RecordingStats stats);
    }

    private final ClosedListener closedListener;

    PcapSession(String callId, Path pcap, String metadataName, Path dir, PcapFormat format, int queuePackets,
                long callStartEpochMs, long rotateNs, ClosedListener closedListener) {
        this.callId = callId;
        this.dir = dir;
        this.pcap = pcap.toAbsolutePath();
        this.rotateNs = rotateNs;
        synchronized (parts) {
            parts.add(this.pcap);
        }
        String base = metadataName.substring(0, metadataName.length() - ".txt".length());
        this.tmpMetadata = dir.resolve("tmp").resolve(base + ".tmp");
        this.finalMetadata = dir.resolve("metadata").resolve(metadataName);
        this.format = format;
        this.ring = new PacketRing(queuePackets);
        this.callStartEpochMs = callStartEpochMs;
        this.closedListener = closedListener;
    }

    @Override
    public void packet(ByteBuffer packet, InetSocketAddress source, InetSocketAddress destination, long epochUs) {
        ring.offer(packet, source, destination, epochUs);
    }

    @Override
    public void sdp(String mode, String sdp, long epochUs) {
        String block = "Timestamp started ms: " + millis(epochUs) + "\n"
                + "SDP mode: " + mode + "\n"
                + "SDP before RTP packet: " + (ring.produced() + ring.dropped() + 1) + "\n\n"
                + sdp + "\n";
        synchronized (sdpBlocks) {
            sdpBlocks.add(block);
        }
        metadataDirty = true;
    }

    @Override
    public void metadata(String value) {
        metadata = value;
        metadataDirty = true;
    }

    @Override
    public String pcapPath() {
        return pcap.toString();
    }

    @Override
    public RecordingStats stats() {
        long end = endNs != 0 ? endNs : System.nanoTime();
        return new RecordingStats(pcap.toString(), written, ring.dropped(), (end - startNs) / 1_000_000, error);
    }

    @Override
    public CompletableFuture<RecordingStats> stop(long terminatedEpochUs) {
        stopRequestedEpochUs = Math.max(0, terminatedEpochUs);
        return finished;
    }

    boolean stopRequested() {
        return stopRequestedEpochUs >= 0;
    }

    /** Writer thread: writes what is queued; returns whether there was anything. */
    boolean drain(long nowNs) {
        warnOfDrops(nowNs);
        if (out == null && !open(nowNs)) {
            return ring.discard() > 0;
        }
        if (rotateNs > 0 && nowNs - partStartNs >= rotateNs) {
            rotate(nowNs);
        }
        try {
            int n = ring.drain((buf, off, len, epochUs, addresses, srcOff, dstOff, srcPort, dstPort, ipv6) -> {
                format.writePacket(out, buf, off, len, epochUs, addresses, srcOff, dstOff, srcPort, dstPort, ipv6);
                written++;
            });
            if (metadataDirty) {
                metadataDirty = false;
                Files.writeString(tmpMetadata, metadataText(null), StandardCharsets.UTF_8);
            }
            return n > 0;
        } catch (IOException e) {
            fail("writing " + pcap, e, nowNs);
            return true;
        }
    }

    /** Writer thread: pushes buffered packets to the file (at least once a second). */
    void flush(long nowNs) {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                fail("flushing " + pcap, e, nowNs);
            }
        }
    }

    /** Writer thread: last packets, close, metadata into place; completes {@link #stop}. */
    void finish(long nowNs) {
        drain(nowNs);
        endNs = nowNs;
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            Files.createDirectories(finalMetadata.getParent());
            Files.writeString(tmpMetadata, metadataText(stopRequestedEpochUs), StandardCharsets.UTF_8);
            Files.move(tmpMetadata, finalMetadata, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            fail("finishing " + finalMetadata, e, nowNs);
        }
        RecordingStats stats = stats();
        LOG.info(() -> "[" + callId + "] Recording " + pcap + " closed: " + stats.packets() + " packets, "
                + stats.droppedPackets() + " dropped, " + stats.durationMs() + " ms");
        finished.complete(stats);
        closedListener.closed(callId, finalMetadata, stats);
    }

    /** A full queue drops packets from the recording (never from the call): say so, once a second at most. */
    private void warnOfDrops(long nowNs) {
        long drops = ring.dropped();
        if (drops != reportedDrops && nowNs - dropWarnedNs >= RETRY_NS) {
            long fresh = drops - reportedDrops;
            reportedDrops = drops;
            dropWarnedNs = nowNs;
            LOG.warning(() -> "[" + callId + "] Recording " + pcap.getFileName() + " dropped " + fresh
                    + " packets (" + drops + " in all): the writer cannot keep up");
        }
    }

    /** {@code --recording-rotate}: close this part, go on in {@code <prefix>-partN.pcap}. */
    private void rotate(long nowNs) {
        Path next;
        synchronized (parts) {
            String first = pcap.getFileName().toString();
            String base = first.endsWith(".pcap") ? first.substring(0, first.length() - 5) : first;
            next = pcap.resolveSibling(base + "-part" + (parts.size() + 1) + ".pcap");
            parts.add(next);
        }
        try {
            out.close();
        } catch (IOException e) {
            fail("closing " + current(), e, nowNs);
        }
        out = null;
        metadataDirty = true;
        LOG.info(() -> "[" + callId + "] Recording continues in " + next);
        open(nowNs);
    }

    private Path current() {
        synchronized (parts) {
            return parts.get(parts.size() - 1);
        }
    }

    private boolean open(long nowNs) {
        if (nowNs - retryAtNs < 0) {
            return false;
        }
        Path pcap = current();
        try {
            // rtpengine makes these only at start-up and silently stops recording when they vanish.
            for (String sub : new String[] {"pcaps", "metadata", "tmp"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.createDirectories(pcap.getParent());
            boolean fresh = !Files.exists(pcap) || Files.size(pcap) == 0;
            out = new BufferedOutputStream(Files.newOutputStream(pcap, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 65536);
            if (fresh) {
                format.writeFileHeader(out);
            }
            if (partStartNs == 0 || fresh) {
                partStartNs = nowNs;
            }
            metadataDirty = true;
            if (error != null) {
                LOG.info(() -> "[" + callId + "] Recording to " + pcap + " resumed");
                error = null;
            }
            return true;
        } catch (IOException e) {
            fail("opening " + pcap, e, nowNs);
            return false;
        }
    }

    private void fail(String what, IOException e, long nowNs) {
        String message = what + ": " + e;
        if (!message.equals(error)) {
            LOG.warning(() -> "[" + callId + "] Recording error " + message + " (packets are counted as dropped until it can write again)");
        }
        error = message;
        retryAtNs = nowNs + RETRY_NS;
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already failing
            }
            out = null;
        }
        ring.discard(); // counted as dropped by the ring
    }

    /** rtpengine 10.5's metadata text (see shared/reference/samples); {@code terminatedUs} null while running. */
    private String metadataText(Long terminatedUs) {
        StringBuilder sb = new StringBuilder();
        synchronized (parts) {
            // rtpengine's first line is the PCAP; rotated parts follow it, one a line
            for (Path part : parts) {
                sb.append(part).append('\n');
            }
        }
        sb.append("\n\n");
        synchronized (sdpBlocks) {
            for (String block : sdpBlocks) {
                sb.append(block);
            }
        }
        if (terminatedUs != null) {
            sb.append("Timestamp terminated ms(first monologue): ").append(millis(terminatedUs)).append("\n\n");
            sb.append("call start time: ").append(localTime(callStartEpochMs)).append('\n');
            sb.append("call end time: ").append(localTime(System.currentTimeMillis())).append('\n');
            String m = metadata;
            if (m != null && !m.isEmpty()) {
                sb.append("\n\n").append(m).append('\n');
            }
        }
        return sb.toString();
    }

    private static String millis(long epochUs) {
        return (epochUs / 1000) + "." + String.format("%03d", epochUs % 1000);
    }

    private static String localTime(long epochMs) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneId.systemDefault()).format(LOCAL_TIME);
    }
}
