package org.ngrelay.recording;

import java.nio.file.Path;

/**
 * {@code --recording-dir}, {@code --recording-format} ({@code raw} or {@code eth}) and the size of
 * each session's packet queue.
 */
public record RecordingConfig(Path dir, boolean ethernet, int queuePackets) {

    public static final int DEFAULT_QUEUE_PACKETS = 1024;
}
