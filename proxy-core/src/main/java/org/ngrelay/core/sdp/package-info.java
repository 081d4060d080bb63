/**
 * SDP as rtpengine 10.5 handles it: edited in place. Every line that is not rewritten keeps its
 * bytes and its place; a session-level {@code c=} stays at session level. Pure functions of their
 * inputs, no I/O, safe on any thread.
 */
package org.ngrelay.core.sdp;
