/**
 * The daemon's figures, declared once ({@link org.ngrelay.ng.stats.Stat},
 * {@link org.ngrelay.ng.stats.RequestKind}) with rtpengine's names for the ng {@code statistics}
 * reply, the control CLI and Prometheus. {@link org.ngrelay.ng.stats.ControlStats} is written by
 * whichever thread finishes an ng request (lock-free adders); the rest is read from a
 * {@link org.ngrelay.core.call.DaemonStats} taken on the media loops, on any thread.
 */
package org.ngrelay.ng.stats;
