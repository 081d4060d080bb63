package org.ngrelay.core.sdp;

/** RFC 3551 static payload types: the {@code a=rtpmap} value rtpengine prints when one is missing. */
public final class StaticPayloadTypes {

    private static final String[] RTPMAP = new String[35];

    static {
        RTPMAP[0] = "PCMU/8000";
        RTPMAP[3] = "GSM/8000";
        RTPMAP[4] = "G723/8000";
        RTPMAP[5] = "DVI4/8000";
        RTPMAP[6] = "DVI4/16000";
        RTPMAP[7] = "LPC/8000";
        RTPMAP[8] = "PCMA/8000";
        RTPMAP[9] = "G722/8000";
        RTPMAP[10] = "L16/44100/2";
        RTPMAP[11] = "L16/44100";
        RTPMAP[12] = "QCELP/8000";
        RTPMAP[13] = "CN/8000";
        RTPMAP[14] = "MPA/90000";
        RTPMAP[15] = "G728/8000";
        RTPMAP[16] = "DVI4/11025";
        RTPMAP[17] = "DVI4/22050";
        RTPMAP[18] = "G729/8000";
        RTPMAP[25] = "CelB/90000";
        RTPMAP[26] = "JPEG/90000";
        RTPMAP[28] = "nv/90000";
        RTPMAP[31] = "H261/90000";
        RTPMAP[32] = "MPV/90000";
        RTPMAP[33] = "MP2T/90000";
        RTPMAP[34] = "H263/90000";
    }

    private StaticPayloadTypes() {
    }

    /** @return e.g. {@code PCMU/8000}, or null when {@code format} is not a known static type */
    public static String rtpmap(String format) {
        try {
            int pt = Integer.parseInt(format);
            return pt >= 0 && pt < RTPMAP.length ? RTPMAP[pt] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
