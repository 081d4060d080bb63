package org.ngrelay.core.call;

import java.util.List;

/**
 * The rewritten SDP of an offer or answer.
 *
 * @param warning    for the reply when something was left out, or null
 * @param recordings the PCAP files the call is being recorded to (rtpengine's {@code recordings})
 */
public record SdpResult(String sdp, String warning, List<String> recordings) {

    public SdpResult {
        recordings = List.copyOf(recordings);
    }
}
