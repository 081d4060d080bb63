/**
 * The ng/RTP load tool: sets up calls over the ng protocol against any daemon (ngrelay or
 * rtpengine), streams G.711 RTP both ways through it, and measures loss, added latency and the
 * daemon's CPU per forwarded packet; a ramp finds the largest sustained call count, and a
 * control-plane mode counts offer+answer+delete cycles per second.
 *
 * <p>The packets themselves are sent and received by a small C engine ({@code src/main/c/rtpgen.c},
 * batched with sendmmsg/recvmmsg, timer-driven, kernel receive timestamps) that this package runs
 * once per measurement; Java does the ng side. Threads: the ng client has one receiver thread and
 * one retransmission timer; the main thread orchestrates.
 */
package org.ngrelay.bench.load;
