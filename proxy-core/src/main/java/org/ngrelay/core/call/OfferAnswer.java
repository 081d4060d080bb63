package org.ngrelay.core.call;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ngrelay.core.sdp.RewriteOptions;
import org.ngrelay.core.sdp.SessionDescription;
import org.ngrelay.core.srtp.SdesOptions;

/**
 * A typed offer or answer: everything the ng layer understood of the request.
 *
 * @param dialog        call-id and tags ({@code fromTag} is the party that sent {@code sdp})
 * @param label         the sender's label, or null
 * @param sdp           the SDP received
 * @param endpoint      endpoint learning options for the sender's streams
 * @param sdpOptions    rewriting options for the SDP we send on
 * @param mediaAddress  {@code media-address}: the address to advertise instead of the interface's
 * @param ipv6          {@code address-family} towards the recipient: TRUE IP6, FALSE IP4, null as received
 * @param direction     {@code direction}: interface names [towards sender, towards recipient], may be empty
 * @param ice           the {@code ICE} key
 * @param rtcpMux       the {@code rtcp-mux} list
 * @param loopProtect   {@code loop-protect} flag
 * @param tos           {@code TOS} for this call's sockets, or -1
 * @param transportProtocol {@code transport-protocol} (RTP/AVP, RTP/AVPF, RTP/SAVP, RTP/SAVPF are
 *                      switched between so far), or null
 * @param recordCall    {@code record call}: TRUE starts recording, FALSE stops it, null leaves it
 * @param metadata      {@code metadata} for the recording, or null
 * @param source        the ng client that sent the request ({@code IP:port}), or null
 * @param sdes          what the {@code SDES} and {@code OSRTP} words ask of SDES
 * @param dtls          the {@code DTLS} and {@code DTLS-fingerprint} keys and the {@code DTLS-reverse} flag
 */
public record OfferAnswer(Dialog dialog, String label, SessionDescription sdp, EndpointOptions endpoint,
                          RewriteOptions sdpOptions, InetAddress mediaAddress, Boolean ipv6, List<String> direction,
                          IceMode ice, Set<RtcpMuxMode> rtcpMux, boolean loopProtect, int tos, String transportProtocol,
                          Boolean recordCall, String metadata, String source, SdesOptions sdes, DtlsRequest dtls) {

    public OfferAnswer {
        direction = List.copyOf(direction);
        rtcpMux = rtcpMux.isEmpty() ? EnumSet.noneOf(RtcpMuxMode.class) : EnumSet.copyOf(rtcpMux);
    }

    /** A plain request with rtpengine's defaults, for tests and tools. */
    public static OfferAnswer simple(Dialog dialog, SessionDescription sdp) {
        return new OfferAnswer(dialog, null, sdp, EndpointOptions.DEFAULT, RewriteOptions.DEFAULT, null, null,
                List.of(), IceMode.DEFAULT, Set.of(), false, -1, null, null, null, null, SdesOptions.DEFAULT, DtlsRequest.DEFAULT);
    }
}
