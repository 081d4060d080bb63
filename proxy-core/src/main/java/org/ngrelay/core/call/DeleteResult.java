package org.ngrelay.core.call;

import java.util.List;
import org.ngrelay.core.recording.RecordingStats;

/**
 * @param warning    rtpengine's warning for a delete that found nothing (the reply stays ok), or null
 * @param stats      the call's statistics at deletion when a from-tag was given, else null
 * @param recordings the call's recording sessions: final when the call ended at once, else as they
 *                   stand (they go on until the delete-delay ends)
 */
public record DeleteResult(String warning, CallSnapshot stats, List<RecordingStats> recordings) {

    public DeleteResult {
        recordings = List.copyOf(recordings);
    }

    static DeleteResult warning(String warning) {
        return new DeleteResult(warning, null, List.of());
    }
}
