/**
 * The stages of one stream's media path, each a small class with its own counters, called by the
 * stream's one handler ({@code org.ngrelay.core.call.PacketStream}) in a fixed order: classify
 * ({@link org.ngrelay.core.relay.PacketKind}) → {@link org.ngrelay.core.path.SourceLatch} →
 * {@link org.ngrelay.core.path.StreamCounter} (and, for RTCP, {@link org.ngrelay.core.quality.RtcpQuality})
 * → {@link org.ngrelay.core.path.RecordTap} → the peer's {@link org.ngrelay.core.path.Egress}.
 * STUN, DTLS, SRTP unprotect/protect and transcoding are to take their places in that order.
 *
 * <p>A stream's stages are allocated with it and touched only on its call's media loop; which of
 * them apply (a recording, later a crypto context) is set off the packet path when the call
 * changes. Nothing here allocates per packet.
 */
package org.ngrelay.core.path;
