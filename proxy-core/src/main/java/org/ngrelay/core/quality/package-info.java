/**
 * Call quality from RTCP, as rtpengine 10.5 derives it: compound SR/RR/XR packets read in place
 * ({@link org.ngrelay.core.quality.Rtcp}), per-SSRC figures of each party
 * ({@link org.ngrelay.core.quality.SsrcTable}), MOS with rtpengine's formula
 * ({@link org.ngrelay.core.quality.Mos}) and the daemon-wide samples behind {@code statistics}
 * and {@code /metrics} ({@link org.ngrelay.core.quality.QualitySamples}).
 *
 * <p>Everything here runs on the media loop of the call whose RTCP it reads (about one packet per
 * stream every 5 s, so the tables may allocate); snapshots ({@link org.ngrelay.core.quality.SsrcReport},
 * {@link org.ngrelay.core.quality.QualityTotals}) are immutable and read anywhere.
 */
package org.ngrelay.core.quality;
