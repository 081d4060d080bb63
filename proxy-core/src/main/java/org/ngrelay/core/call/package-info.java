/**
 * Calls as rtpengine models them: a call (call-id) holds monologues (one per SIP tag), each with
 * media sections in SDP order, each with an RTP and an RTCP {@link org.ngrelay.core.call.PacketStream}
 * bound to a local port. All state of a call is touched only on the call's
 * {@link org.ngrelay.core.net.MediaLoop}; {@link org.ngrelay.core.call.CallManager} is the only
 * entry point from other threads and hands work over with {@code loop.execute}. The daemon's
 * figures ({@link org.ngrelay.core.call.DaemonStats}) are read the same way: a task per loop adds
 * up the stream counters of its calls and the totals its ended calls left behind.
 */
package org.ngrelay.core.call;
