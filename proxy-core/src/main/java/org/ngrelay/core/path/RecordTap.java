package org.ngrelay.core.path;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.ngrelay.core.recording.RecordingSession;

/**
 * The record stage: a copy of each packet, as received (rtpengine's pcap method), into the
 * recording session the call chose for this stream; a non-blocking copy into the session's queue.
 * The session is set off the packet path when the recording starts, pauses or stops.
 */
public final class RecordTap {

    private RecordingSession session;
    private long recorded;

    public void tap(ByteBuffer packet, InetSocketAddress source, InetSocketAddress local, long epochUs) {
        RecordingSession s = session;
        if (s != null) {
            recorded++;
            s.packet(packet, source, local, epochUs);
        }
    }

    /** Where packets go from now on; null: not recorded. */
    public void session(RecordingSession session) {
        this.session = session;
    }

    /** Packets handed to a session (the session counts what it could not write). */
    public long recorded() {
        return recorded;
    }
}
