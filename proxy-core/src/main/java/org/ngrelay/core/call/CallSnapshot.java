package org.ngrelay.core.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.ngrelay.core.quality.SsrcReport;
import org.ngrelay.core.recording.RecordingStats;

/**
 * A consistent picture of one call, taken on its loop, for {@code query} and {@code delete}.
 *
 * @param recordings   every recording session of the call so far, the running one last
 * @param createdFrom  the ng client whose offer created the call ({@code IP:port}), or null
 * @param deletionMark a delayed delete is pending
 * @param foreign      rtpengine-ctl {@code standby} made it another node's call
 * @param ssrcs        the RTCP quality of each SSRC that has a MOS, the first party's first (query's {@code SSRC})
 */
public record CallSnapshot(String callId, long createdEpochUs, long lastSignalEpochMs, List<Party> parties,
                           List<RecordingStats> recordings, String createdFrom, boolean deletionMark,
                           List<SsrcReport> ssrcs, boolean foreign) {

    /**
     * One monologue; {@code tag} is null for the callee before the answer named it.
     *
     * @param subscriptions tags of the parties whose media this one receives, newest first
     * @param subscribers   tags of the parties that receive this one's media
     */
    public record Party(String tag, String label, String viaBranch, long createdEpochMs, List<String> subscriptions,
                        List<String> subscribers, List<Media> medias) {
    }

    public record Media(int index, String type, String protocol, List<String> flags, List<Stream> streams) {
    }

    /**
     * @param localAddress null when the stream holds no local port (rejected media)
     * @param endpoint     where ngrelay sends to the party (learned or from SDP), or null
     * @param advertised   what the party's SDP said, or null
     * @param ssrc         the SSRC of the last RTP or RTCP packet the party sent (unsigned), -1 before any
     * @param cryptoSuite  the SRTP suite ngrelay speaks with the party (SDES or DTLS), or null on a plain leg
     * @param dtlsState    the stream's DTLS-SRTP association ({@code handshaking}, {@code connected},
     *                     {@code failed}), or null when the party speaks no DTLS
     */
    public record Stream(boolean rtcp, int localPort, InetAddress localAddress, InetSocketAddress endpoint,
                         InetSocketAddress advertised, long lastPacketEpochMs, List<String> flags,
                         long packets, long bytes, long errors, long ssrc, String cryptoSuite, String dtlsState) {
    }
}
