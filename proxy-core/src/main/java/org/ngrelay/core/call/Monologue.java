package org.ngrelay.core.call;

import java.util.ArrayList;
import java.util.List;
import org.ngrelay.core.quality.SsrcTable;

/** One party of a call, named by its SIP tag (null until an answer names the callee). */
final class Monologue {

    final Call call;
    String tag;
    String label;
    String viaBranch;
    final long createdMs;
    Monologue peer;
    final List<CallMedia> medias = new ArrayList<>();
    /** What ngrelay last sent on this party's behalf, without o=, and the o= version it carried. */
    String lastSentBody;
    long lastSentVersion = -1;
    /** The SSRCs this party's media carried and reported on (rtpengine's per-monologue SSRC hash). */
    final SsrcTable ssrcs = new SsrcTable();

    Monologue(Call call, String tag, long createdMs) {
        this.call = call;
        this.tag = tag;
        this.createdMs = createdMs;
    }

    CallMedia media(int index) {
        while (medias.size() <= index) {
            medias.add(new CallMedia(this, medias.size()));
        }
        return medias.get(index);
    }

    void closePorts() {
        for (CallMedia m : medias) {
            m.closePorts();
        }
    }

    long lastPacketNs() {
        long last = 0;
        for (CallMedia m : medias) {
            last = Math.max(last, Math.max(m.rtp.counter.lastPacketNs(), m.rtcp.counter.lastPacketNs()));
        }
        return last;
    }
}
