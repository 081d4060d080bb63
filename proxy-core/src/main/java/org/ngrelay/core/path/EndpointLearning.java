package org.ngrelay.core.path;

import java.util.Locale;

/**
 * rtpengine's {@code --endpoint-learning} (and the ng key of the same name): how the address a
 * party's media comes from replaces the one its SDP gave.
 */
public enum EndpointLearning {
    /** Never: media always goes to the SDP address (NATed clients break). */
    OFF,
    /** The first packet's source, at once and for good. */
    IMMEDIATE,
    /** rtpengine 10.5's default: the last source seen in the first 3 s of media, then fixed. */
    DELAYED,
    /**
     * Like {@link #DELAYED}, but in the first 3 s a source is preferred by how well it matches the
     * SDP: address and port, then address, then port, then any.
     */
    HEURISTIC;

    /** {@code delayed}, {@code immediate}, {@code off}, {@code heuristic} (any case); null otherwise. */
    public static EndpointLearning parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> OFF;
            case "immediate" -> IMMEDIATE;
            case "delayed" -> DELAYED;
            case "heuristic" -> HEURISTIC;
            default -> null;
        };
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
