/**
 * What a call needs of a recorder, implemented by the {@code recording} module. The media loop
 * only ever calls {@link org.ngrelay.core.recording.RecordingSession#packet}, which must not block
 * (it copies into a bounded queue or counts a drop); everything else runs on control paths.
 */
package org.ngrelay.core.recording;
