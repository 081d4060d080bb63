package org.ngrelay.core.recording;

/**
 * What a recording session is started with.
 *
 * @param callId           the call-id
 * @param callStartEpochMs when the call began (metadata's "call start time")
 * @param label            the recorded party's label, or null ({@code %l})
 * @param metadata         the ng {@code metadata} string ({@code key:val|key:val} feeds {@code %{key}}), or null
 * @param file             the ng {@code recording-file} key: the PCAP's path, or null
 * @param directory        the ng {@code recording-dir}/{@code recording-path} key, or null
 * @param pattern          the ng {@code recording-pattern} key, or null for {@code --recording-pattern}
 */
public record RecordingRequest(String callId, long callStartEpochMs, String label, String metadata, String file,
                               String directory, String pattern) {

    public static RecordingRequest of(String callId, long callStartEpochMs) {
        return new RecordingRequest(callId, callStartEpochMs, null, null, null, null, null);
    }
}
