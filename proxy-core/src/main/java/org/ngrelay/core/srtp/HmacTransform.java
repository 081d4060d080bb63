package org.ngrelay.core.srtp;

/**
 * The RFC 3711 suites: a keystream cipher (AES-CM, f8, or none for NULL and the UNENCRYPTED_*
 * parameters) and HMAC-SHA1 over the authenticated portion (RTP: packet || ROC, §4.2; SRTCP:
 * packet || E||index). Trailer: SRTP MKI then tag; SRTCP E||index, MKI, tag (§3.1, §3.4).
 */
final class HmacTransform implements SrtpTransform {

    private final SrtpOptions options;
    /** Null when SRTP payloads stay in the clear (NULL suite, UNENCRYPTED_SRTP). */
    private final KeystreamCipher rtpCipher;
    /** Null for the NULL suites; kept under UNENCRYPTED_SRTCP to read a peer's packets with E set. */
    private final KeystreamCipher rtcpCipher;
    private final boolean encryptRtcp;
    private final HmacSha1 rtpAuth;
    private final HmacSha1 rtcpAuth;
    /** The SRTP tag's length: the suite's, or 0 for UNAUTHENTICATED_SRTP. */
    private final int rtpTag;
    private final int rtcpTag;
    private final byte[] tag = new byte[20];
    private final byte[] roc4 = new byte[4];

    HmacTransform(SrtpSuite suite, SrtpOptions options, SrtpKeys rtp, SrtpKeys rtcp) {
        this.options = options;
        rtpCipher = suite.encrypted && options.encryptRtp() ? KeystreamCipher.of(suite, rtp) : null;
        rtcpCipher = suite.encrypted ? KeystreamCipher.of(suite, rtcp) : null;
        encryptRtcp = suite.encrypted && options.encryptRtcp();
        rtpAuth = new HmacSha1(rtp.auth);
        rtcpAuth = new HmacSha1(rtcp.auth);
        rtpTag = options.authenticateRtp() ? suite.rtpTagBytes : 0;
        rtcpTag = suite.rtcpTagBytes;
    }

    @Override
    public int rtpTrailer() {
        return options.mkiBytes() + rtpTag;
    }

    @Override
    public int rtcpTrailer() {
        return 4 + options.mkiBytes() + rtcpTag;
    }

    @Override
    public int rtcpWordAt(int length) {
        return length;
    }

    @Override
    public void protectRtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
        if (rtpCipher != null) {
            rtpCipher.rtp(p, header, length, ssrc, roc, index);
        }
        SrtpTransform.putMki(options, p, length);
        if (rtpTag > 0) {
            rtpTag(p, length, roc);
            System.arraycopy(tag, 0, p, length + options.mkiBytes(), rtpTag);
        }
    }

    @Override
    public boolean unprotectRtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
        if (rtpTag > 0) {
            rtpTag(p, length, roc);
            if (!tagMatches(p, length + options.mkiBytes(), rtpTag)) {
                return false;
            }
        }
        if (rtpCipher != null) {
            rtpCipher.rtp(p, header, length, ssrc, roc, index);
        }
        return true;
    }

    @Override
    public void protectRtcp(byte[] p, int length, long ssrc, int index) {
        int word = (encryptRtcp ? E_FLAG : 0) | index;
        if (encryptRtcp) {
            rtcpCipher.rtcp(p, length, ssrc, word);
        }
        SrtpTransform.putInt(p, length, word);
        rtcpAuth.start();
        rtcpAuth.update(p, 0, length + 4);
        rtcpAuth.finish(tag, 0);
        SrtpTransform.putMki(options, p, length + 4);
        System.arraycopy(tag, 0, p, length + 4 + options.mkiBytes(), rtcpTag);
    }

    @Override
    public boolean unprotectRtcp(byte[] p, int length, long ssrc, int word) {
        rtcpAuth.start();
        rtcpAuth.update(p, 0, length + 4);
        rtcpAuth.finish(tag, 0);
        if (!tagMatches(p, length + 4 + options.mkiBytes(), rtcpTag)) {
            return false;
        }
        // the sender's E flag decides, whatever this side would send (RFC 3711 §3.4)
        if ((word & E_FLAG) != 0) {
            if (rtcpCipher == null) {
                return false;
            }
            rtcpCipher.rtcp(p, length, ssrc, word);
        }
        return true;
    }

    /** Tag = HMAC(authenticated portion || ROC) (RFC 3711 §4.2). */
    private void rtpTag(byte[] p, int length, long roc) {
        SrtpTransform.putInt(roc4, 0, (int) roc);
        rtpAuth.start();
        rtpAuth.update(p, 0, length);
        rtpAuth.update(roc4, 0, 4);
        rtpAuth.finish(tag, 0);
    }

    /** Compares the computed tag with the packet's in constant time. */
    private boolean tagMatches(byte[] p, int at, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= tag[i] ^ p[at + i];
        }
        return diff == 0;
    }
}
