package org.ngrelay.recording;

import java.nio.file.Path;

/**
 * The recording options.
 *
 * @param dir           {@code --recording-dir}
 * @param ethernet      {@code --recording-format=eth} (else {@code raw})
 * @param queuePackets  each session's packet queue (a power of two)
 * @param pattern       {@code --recording-pattern}: file names (default: rtpengine's {@code %c-%r})
 * @param notifyCommand {@code --recording-notify-command}, or null
 * @param rotateSeconds {@code --recording-rotate}: start a new numbered PCAP part this often (0 = never)
 */
public record RecordingConfig(Path dir, boolean ethernet, int queuePackets, String pattern, Path notifyCommand,
                              int rotateSeconds) {

    /** 2.5 s of a G.711 call both ways; 128 KiB of slots per recording */
    public static final int DEFAULT_QUEUE_PACKETS = 256;

    public RecordingConfig(Path dir, boolean ethernet, int queuePackets) {
        this(dir, ethernet, queuePackets, RecordingNames.DEFAULT_PATTERN, null, 0);
    }
}
