package org.ngrelay.core.call;

/**
 * What {@code start recording} (or {@code record call} on an offer/answer) asks for.
 *
 * @param metadata  the {@code metadata} string, or null
 * @param singleLeg record only the party named by {@code from-tag} (flag {@code single-leg});
 *                  otherwise the whole call, as rtpengine does even when tags are given
 * @param fromTag   the party for {@code single-leg} and the {@code %l} label, or null
 * @param file      {@code recording-file}, or null
 * @param directory {@code recording-dir} / {@code recording-path}, or null
 * @param pattern   {@code recording-pattern}, or null
 */
public record RecordingOptions(String metadata, boolean singleLeg, String fromTag, String file, String directory,
                               String pattern) {

    public static RecordingOptions of(String metadata) {
        return new RecordingOptions(metadata, false, null, null, null, null);
    }
}
