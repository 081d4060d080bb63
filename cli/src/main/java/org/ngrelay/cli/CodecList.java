package org.ngrelay.cli;

import java.util.List;

/**
 * {@code --codecs}: rtpengine 10.5's list of RTP codecs, in its layout ({@code %20s: support}),
 * with what ngrelay does with each. ngrelay negotiates (strip, mask, offer, ptime) and relays every
 * codec, any payload type, but decodes none yet.
 */
final class CodecList {

    private static final List<String> CODECS = List.of("PCMA", "PCMU", "G723", "G722", "QCELP", "G729", "G729a", "speex",
            "GSM", "iLBC", "opus", "EVRC", "EVRC0", "EVRC1", "AMR", "AMR-WB", "telephone-event", "CN");

    private CodecList() {
    }

    static String text() {
        StringBuilder sb = new StringBuilder();
        for (String codec : CODECS) {
            sb.append(String.format("%20s: negotiated and relayed, not transcoded%n", codec));
        }
        return sb.toString();
    }
}
