package org.ngrelay.core.srtp;

/**
 * What a suite family does to one packet once {@link SrtpContext} has worked out its index: the
 * cipher, the tag and where the trailer's parts go. The context keeps the ROC, the replay windows
 * and the SRTCP index; a transform keeps only keys and scratch arrays. Packets are in an array
 * from offset 0; {@code length} is always the plain packet's length (without any trailer).
 */
interface SrtpTransform {

    /** Bytes that follow a plain RTP packet once protected (tag and MKI). */
    int rtpTrailer();

    /** Bytes that follow a plain RTCP packet once protected (E||index word, tag and MKI). */
    int rtcpTrailer();

    /** Where the E||index word of a protected SRTCP packet whose plain part is {@code length} bytes sits. */
    int rtcpWordAt(int length);

    /** Encrypts the payload {@code [header, length)} and writes the trailer from {@code length}. */
    void protectRtp(byte[] p, int header, int length, long ssrc, long roc, long index);

    /** Checks the trailer and decrypts; false (tag mismatch) leaves the payload unusable but unchanged in meaning. */
    boolean unprotectRtp(byte[] p, int header, int length, long ssrc, long roc, long index);

    /** Encrypts (unless UNENCRYPTED_SRTCP) and writes the trailer, E||index word included. */
    void protectRtcp(byte[] p, int length, long ssrc, int index);

    /** Checks the tag and decrypts when the word's E flag is set. */
    boolean unprotectRtcp(byte[] p, int length, long ssrc, int word);

    /** SRTCP's E flag: the packet is encrypted (RFC 3711 §3.4). */
    int E_FLAG = 0x80000000;

    static void putMki(SrtpOptions options, byte[] p, int at) {
        for (int i = 0; i < options.mkiBytes(); i++) {
            p[at + i] = options.mki(i);
        }
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
