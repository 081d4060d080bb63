package org.ngrelay.core.call;

/** The rewritten SDP of an offer or answer, with a warning for the reply when something was left out. */
public record SdpResult(String sdp, String warning) {
}
