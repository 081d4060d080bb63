package org.ngrelay.core.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ngrelay.core.recording.RecordingRequest;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;

/**
 * A call's recording sessions: the running one (which every packet of the call reads), a paused
 * one, and those that ended (a start → stop → start makes two). Runs on the call's loop.
 */
final class CallRecording {

    private static final Logger LOG = Logger.getLogger(CallRecording.class.getName());

    private final Call call;
    /** The running session; null when not recording. */
    private RecordingSession active;
    /** With {@code single-leg}: the only party whose packets are recorded; null for the whole call. */
    private Monologue only;
    /** A paused session: same files, no packets until {@code start recording} resumes it. */
    private RecordingSession paused;
    private final List<RecordingSession> past = new ArrayList<>();
    private String metadata;

    CallRecording(Call call) {
        this.call = call;
    }

    /**
     * Tells every stream of the call where its packets go (the running session, unless
     * {@code single-leg} names another party): decided here, when the recording changes or the
     * call gains a stream, so the packet path reads one field of its own stream.
     */
    void publish() {
        for (Monologue m : call.monologues()) {
            RecordingSession to = only == null || only == m ? active : null;
            for (CallMedia media : m.medias) {
                media.rtp.recordTo(to);
                media.rtcp.recordTo(to);
            }
        }
    }

    /**
     * Starts recording unless already recording; a failure to create the files leaves the call
     * unrecorded and is returned as a warning (and logged), never an error for the call. A path
     * outside the recording directory is refused ({@link CallException}).
     */
    String start(RecordingOptions options) {
        if (options.metadata() != null) {
            metadata = options.metadata();
        }
        Monologue party = call.byTag(options.fromTag());
        if (options.singleLeg() && party == null) {
            throw new CallException(CallException.CALL_OR_TAGS_NOT_FOUND);
        }
        if (active == null && paused != null) {
            active = paused;
            paused = null;
            LOG.info(() -> "[" + call.id() + "] Recording resumed");
        }
        if (active == null) {
            String label = party != null ? party.label : call.firstLabel();
            try {
                active = call.recorder().start(new RecordingRequest(call.id(), call.createdEpochUs() / 1000, label,
                        metadata, options.file(), options.directory(), options.pattern()));
                only = options.singleLeg() ? party : null;
            } catch (IllegalArgumentException e) {
                throw new CallException(e.getMessage());
            } catch (IOException e) {
                LOG.warning(() -> "[" + call.id() + "] Cannot record: " + e.getMessage());
                return "Recording not started: " + e.getMessage();
            }
        }
        if (metadata != null) {
            active.metadata(metadata);
        }
        publish();
        return null;
    }

    /** Ends the running (or paused) session; null when none ran. */
    CompletableFuture<RecordingStats> stop(long terminatedEpochUs) {
        RecordingSession session = active != null ? active : paused;
        if (session == null) {
            return null;
        }
        active = null;
        paused = null;
        past.add(session);
        publish();
        return session.stop(terminatedEpochUs);
    }

    /** Pauses the running session: its files stay open, packets are not recorded until resumed. */
    RecordingStats pause() {
        if (active != null) {
            paused = active;
            active = null;
            publish();
            LOG.info(() -> "[" + call.id() + "] Recording paused");
        }
        return paused == null ? null : paused.stats();
    }

    /** For a delete: every session's final figures once its files are closed. */
    List<CompletableFuture<RecordingStats>> close(long terminatedEpochUs) {
        List<CompletableFuture<RecordingStats>> closing = new ArrayList<>();
        for (RecordingSession ended : past) {
            closing.add(ended.stop(0)); // already stopped: completes with its final figures
        }
        CompletableFuture<RecordingStats> running = stop(terminatedEpochUs);
        if (running != null) {
            closing.add(running);
        }
        return closing;
    }

    /** The running session's PCAP, for the offer/answer reply. */
    List<String> files() {
        return active == null ? List.of() : List.of(active.pcapPath());
    }

    /** Every session so far, the running or paused one last. */
    List<RecordingStats> stats() {
        List<RecordingStats> stats = new ArrayList<>();
        for (RecordingSession ended : past) {
            stats.add(ended.stats());
        }
        if (active != null || paused != null) {
            stats.add((active != null ? active : paused).stats());
        }
        return stats;
    }

    /** An offer's or answer's {@code record call} and metadata; the SDP sent goes into the metadata file. */
    String sdp(OfferAnswer r, String mode, String sdp) {
        String warning = null;
        if (Boolean.TRUE.equals(r.recordCall())) {
            warning = start(RecordingOptions.of(r.metadata()));
        } else if (Boolean.FALSE.equals(r.recordCall())) {
            stop(0);
        } else if (r.metadata() != null && active != null) {
            metadata = r.metadata();
            active.metadata(r.metadata());
        }
        if (active != null) {
            active.sdp(mode, sdp, call.epochUs(System.nanoTime()));
        }
        return warning;
    }
}
