package org.ngrelay.core.recording;

/**
 * What one recording session wrote.
 *
 * @param file           the PCAP file's absolute path
 * @param packets        packets written
 * @param droppedPackets packets the writer could not keep up with (dropped from the recording only)
 * @param durationMs     from start to stop
 * @param error          the last write error, or null
 */
public record RecordingStats(String file, long packets, long droppedPackets, long durationMs, String error) {
}
