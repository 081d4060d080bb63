package org.ngrelay.core.srtp;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714). IV = session salt XOR (0^16 || SSRC || ROC ||
 * SEQ) for SRTP (§8.1), XOR (0^16 || SSRC || 0^16 || SRTCP index) for SRTCP (§9.1). SRTP: AAD is
 * the header, ciphertext || tag || MKI follow it (§8). SRTCP: header || ciphertext || tag ||
 * E||index || MKI (§9); AAD is the header and the E||index word, or, with E clear
 * (UNENCRYPTED_SRTCP), the whole packet and the word with nothing encrypted (§9.2, §17.3).
 * The tag is the only authentication, so UNAUTHENTICATED_SRTP does not apply, and SRTP has no
 * E flag to say a payload is clear: RFC 7714 defines no unencrypted SRTP, so UNENCRYPTED_SRTP and
 * UNAUTHENTICATED_SRTP are not honoured here (libsrtp2's AEAD protect ignores them the same way).
 */
final class GcmTransform implements SrtpTransform {

    private static final int TAG = AesGcm.TAG;

    private final SrtpOptions options;
    private final AesGcm rtp;
    private final AesGcm rtcp;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final boolean encryptRtcp;
    private final byte[] iv = new byte[12];

    GcmTransform(SrtpOptions options, SrtpKeys rtpKeys, SrtpKeys rtcpKeys) {
        this.options = options;
        rtp = new AesGcm(rtpKeys.encryption);
        rtcp = new AesGcm(rtcpKeys.encryption);
        rtpSalt = rtpKeys.salt;
        rtcpSalt = rtcpKeys.salt;
        encryptRtcp = options.encryptRtcp();
    }

    @Override
    public int rtpTrailer() {
        return TAG + options.mkiBytes();
    }

    @Override
    public int rtcpTrailer() {
        return TAG + 4 + options.mkiBytes();
    }

    @Override
    public int rtcpWordAt(int length) {
        return length + TAG;
    }

    @Override
    public void protectRtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
        rtpIv(ssrc, roc, index);
        rtp.seal(iv, p, 0, header, p, 0, 0, p, header, length - header, length);
        SrtpTransform.putMki(options, p, length + TAG);
    }

    @Override
    public boolean unprotectRtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
        rtpIv(ssrc, roc, index);
        return rtp.open(iv, p, 0, header, p, 0, 0, p, header, length - header, length);
    }

    @Override
    public void protectRtcp(byte[] p, int length, long ssrc, int index) {
        int word = (encryptRtcp ? E_FLAG : 0) | index;
        int wordAt = length + TAG;
        SrtpTransform.putInt(p, wordAt, word);
        rtcpIv(ssrc, index);
        if (encryptRtcp) {
            rtcp.seal(iv, p, 0, 8, p, wordAt, 4, p, 8, length - 8, length);
        } else {
            rtcp.seal(iv, p, 0, length, p, wordAt, 4, p, length, 0, length);
        }
        SrtpTransform.putMki(options, p, wordAt + 4);
    }

    @Override
    public boolean unprotectRtcp(byte[] p, int length, long ssrc, int word) {
        int wordAt = length + TAG;
        rtcpIv(ssrc, word & 0x7fffffff);
        if ((word & E_FLAG) != 0) {
            return rtcp.open(iv, p, 0, 8, p, wordAt, 4, p, 8, length - 8, length);
        }
        return rtcp.open(iv, p, 0, length, p, wordAt, 4, p, length, 0, length);
    }

    private void rtpIv(long ssrc, long roc, long index) {
        System.arraycopy(rtpSalt, 0, iv, 0, 12);
        xor32(2, ssrc);
        xor32(6, roc);
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
    }

    private void rtcpIv(long ssrc, int index) {
        System.arraycopy(rtcpSalt, 0, iv, 0, 12);
        xor32(2, ssrc);
        xor32(8, index);
    }

    private void xor32(int at, long v) {
        iv[at] ^= (byte) (v >>> 24);
        iv[at + 1] ^= (byte) (v >>> 16);
        iv[at + 2] ^= (byte) (v >>> 8);
        iv[at + 3] ^= (byte) v;
    }
}
