/**
 * rtpengine 10.5's {@code pcap} recording method: one PCAP file per recording session under
 * {@code <recording-dir>/pcaps/}, a metadata file written in {@code tmp/} and moved to
 * {@code metadata/} when the session ends. Media threads only copy packets into a per-session
 * bounded ring ({@link org.ngrelay.recording.PacketRing}); one writer thread does all disk work,
 * flushing at least once a second so a crash loses at most the last second.
 */
package org.ngrelay.recording;
