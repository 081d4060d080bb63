package org.ngrelay.core.recording;

import java.io.IOException;

/** Starts recording sessions ({@code --recording-dir}, {@code --recording-method=pcap}). */
public interface Recorder {

    /** Used when no recording directory is configured. */
    Recorder NONE = (callId, callStartEpochMs) -> {
        throw new IOException("recording is not configured (no --recording-dir)");
    };

    /** @throws IOException when the session's files cannot be created (the call goes on unrecorded) */
    RecordingSession start(String callId, long callStartEpochMs) throws IOException;
}
