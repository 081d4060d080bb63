package org.ngrelay.core.sdp;

/**
 * SDP-level options of one offer or answer (the typed form of the ng flags).
 *
 * @param replaceOrigin      {@code replace: [origin]}: the o= address becomes ours
 * @param replaceZeroAddress {@code replace: [zero-address]}: a zero c= (hold) becomes ours too
 * @param noRtcpAttribute    do not print {@code a=rtcp}
 * @param fullRtcpAttribute  print {@code a=rtcp:PORT IN IP4 ADDR}
 * @param originalSendrecv   keep the direction attribute where the source had it
 * @param loopProtectTag     when non-null, add {@code a=rtpengine:TAG} at session level
 * @param ptime              {@code ptime}: the ptime to print instead of the source's, or null
 * @param codecs             strip/mask/offer rules
 * @param replaceSdpVersion  {@code replace: [SDP-version]}: raise the o= version when what ngrelay
 *                           sends for this party changed since last time
 */
public record RewriteOptions(boolean replaceOrigin, boolean replaceZeroAddress, boolean noRtcpAttribute,
                             boolean fullRtcpAttribute, boolean originalSendrecv, String loopProtectTag,
                             String ptime, CodecRules codecs, boolean replaceSdpVersion) {

    public static final RewriteOptions DEFAULT =
            new RewriteOptions(false, false, false, false, false, null, null, CodecRules.NONE, false);

    public RewriteOptions withLoopProtectTag(String tag) {
        return new RewriteOptions(replaceOrigin, replaceZeroAddress, noRtcpAttribute, fullRtcpAttribute,
                originalSendrecv, tag, ptime, codecs, replaceSdpVersion);
    }
}
