package org.ngrelay.core.recording;

/**
 * What the recorder has done since start, over all sessions (ended and running).
 *
 * @param files          recording sessions started (one PCAP and one metadata file each)
 * @param packets        packets written to PCAP files
 * @param droppedPackets packets left out of a recording because the writer could not keep up
 */
public record RecordingTotals(long files, long packets, long droppedPackets) {

    public static final RecordingTotals NONE = new RecordingTotals(0, 0, 0);
}
