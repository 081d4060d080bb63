package org.ngrelay.core.recording;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** One recording of a call (start → stop); a second start makes a second session. */
public interface RecordingSession {

    /**
     * Records one received packet (position to limit, left unchanged). Called on the media loop:
     * never blocks; when the queue is full the packet is counted as dropped.
     */
    void packet(ByteBuffer packet, InetSocketAddress source, InetSocketAddress destination, long epochUs);

    /** An SDP ngrelay sent while recording ({@code mode} is offer or answer). */
    void sdp(String mode, String sdp, long epochUs);

    /** The ng {@code metadata} string; a later one replaces an earlier one. */
    void metadata(String metadata);

    /** The PCAP file's absolute path (the {@code recordings} reply key). */
    String pcapPath();

    RecordingStats stats();

    /**
     * Ends the session: queued packets are written, files closed, metadata moved into place.
     *
     * @param terminatedEpochUs when the call ended, or 0 when stopped by command (rtpengine writes 0.000)
     */
    CompletableFuture<RecordingStats> stop(long terminatedEpochUs);
}
