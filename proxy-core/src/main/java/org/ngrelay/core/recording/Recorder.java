package org.ngrelay.core.recording;

import java.io.IOException;

/** Starts recording sessions ({@code --recording-dir}, {@code --recording-method=pcap}). */
public interface Recorder {

    /** Used when no recording directory is configured. */
    Recorder NONE = request -> {
        throw new IOException("recording is not configured (no --recording-dir)");
    };

    /**
     * @throws IOException              when the session cannot be set up (the call goes on unrecorded)
     * @throws IllegalArgumentException when a requested file or directory lies outside the
     *                                  recording directory (the request is refused)
     */
    RecordingSession start(RecordingRequest request) throws IOException;

    /** Totals over every session so far; read by {@code statistics} and {@code /metrics}. */
    default RecordingTotals totals() {
        return RecordingTotals.NONE;
    }
}
