package org.ngrelay.ng.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * The ng commands rtpengine 10.5 keeps control statistics for, in its order, with the short names
 * its {@code controlstatistics} keys ({@code offercount}) and the CLI's column titles use. ngrelay
 * answers only some of them; the others stay at 0, as they would in rtpengine if never sent.
 * {@link #PAUSE_RECORDING} is ngrelay's own (OpenSIPS sends it; 10.5 does not know it).
 */
public enum RequestKind {
    PING("ping", "ping", "Ping"),
    OFFER("offer", "offer", "Offer"),
    ANSWER("answer", "answer", "Answer"),
    DELETE("delete", "delete", "Delete"),
    QUERY("query", "query", "Query"),
    LIST("list", "list", "List"),
    START_RECORDING("start recording", "startrec", "StartRec"),
    STOP_RECORDING("stop recording", "stoprec", "StopRec"),
    START_FORWARDING("start forwarding", "startfwd", "StartFwd"),
    STOP_FORWARDING("stop forwarding", "stopfwd", "StopFwd"),
    BLOCK_DTMF("block DTMF", "blkdtmf", "BlkDTMF"),
    UNBLOCK_DTMF("unblock DTMF", "unblkdtmf", "UnblkDTMF"),
    BLOCK_MEDIA("block media", "blkmedia", "BlkMedia"),
    UNBLOCK_MEDIA("unblock media", "unblkmedia", "UnblkMedia"),
    PLAY_MEDIA("play media", "playmedia", "PlayMedia"),
    STOP_MEDIA("stop media", "stopmedia", "StopMedia"),
    PLAY_DTMF("play DTMF", "playdtmf", "PlayDTMF"),
    STATISTICS("statistics", "stats", "Stats"),
    SILENCE_MEDIA("silence media", "slnmedia", "SlnMedia"),
    UNSILENCE_MEDIA("unsilence media", "unslnmedia", "UnslnMedia"),
    PUBLISH("publish", "pub", "Pub"),
    SUBSCRIBE_REQUEST("subscribe request", "subreq", "SubReq"),
    SUBSCRIBE_ANSWER("subscribe answer", "subans", "SubAns"),
    UNSUBSCRIBE("unsubscribe", "unsub", "Unsub"),
    PAUSE_RECORDING("pause recording", "pauserec", "PauseRec");

    private static final Map<String, RequestKind> BY_COMMAND = new HashMap<>();

    static {
        for (RequestKind k : values()) {
            BY_COMMAND.put(k.command, k);
        }
    }

    /** The ng command, exactly as sent ({@code start recording}); also the metrics' {@code request} label. */
    public final String command;
    /** {@code controlstatistics}' short name: {@code <short>count}, {@code <short>duration}. */
    public final String shortName;
    /** The column title of {@code rtpengine-ctl list totals}' control table. */
    public final String column;

    RequestKind(String command, String shortName, String column) {
        this.command = command;
        this.shortName = shortName;
        this.column = column;
    }

    /** @return null for a command rtpengine keeps no statistics for (or none at all) */
    public static RequestKind of(String command) {
        return command == null ? null : BY_COMMAND.get(command);
    }

    /** Kinds rtpengine 10.5 has (its statistics, CLI table and metrics show exactly these). */
    public boolean inRtpengine() {
        return this != PAUSE_RECORDING;
    }
}
