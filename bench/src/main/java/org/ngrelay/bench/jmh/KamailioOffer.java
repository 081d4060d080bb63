package org.ngrelay.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A typical {@code offer} exactly as Kamailio 5.6's rtpengine module sends it for an INVITE handled
 * with {@code rtpengine_offer("trust-address replace-origin replace-session-connection ICE=remove
 * RTP/AVP via-branch=1")}: a cookie ({@code <pid>_<seq>}), a space, and a bencoded dictionary whose
 * keys are in the order Kamailio adds them (its bencode writer does not sort): {@code sdp}, the
 * {@code key=value} flag words as they are parsed ({@code ICE}), then {@code flags}, {@code replace},
 * {@code transport-protocol}, {@code call-id}, {@code via-branch}, {@code received-from},
 * {@code supports}, {@code from-tag}, {@code command} (see /work/shared/reference/ng-clients.md;
 * the place of {@code supports} is the one detail not read from Kamailio's source). The order does
 * not change what the decoder has to do, only the order of the decoded map.
 *
 * <p>The SDP is a desk phone's G.711 offer with telephone-event, as it reaches Kamailio.
 */
final class KamailioOffer {

    static final String CALL_ID = "5f3c2a1b7d9e4c8fb6a13e2d1c0b9a87@192.0.2.10";
    static final String FROM_TAG = "as7c5f7d2a";
    static final String TO_TAG = "b3e91a0c4d";
    static final String VIA_BRANCH = "z9hG4bK-524287-1---a3f4c8e2b1d09f7e";
    static final String COOKIE = "2154_17";
    /** The caller's media address in its SDP (and the source of its packets). */
    static final String CALLER_IP = "192.0.2.10";
    static final int CALLER_RTP_PORT = 11800;

    /** 12 lines, CRLF, 231 bytes: a Yealink-style G.711 offer (PCMU, PCMA, telephone-event). */
    static final String SDP = sdp("20017", CALLER_IP, CALLER_RTP_PORT, "0 8 101",
            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n");

    private KamailioOffer() {
    }

    /** An audio SDP of the same shape (the callee's answer uses it with PCMU only). */
    static String sdp(String session, String ip, int port, String formats, String rtpmaps) {
        return "v=0\r\n"
                + "o=- " + session + " " + session + " IN IP4 " + ip + "\r\n"
                + "s=SDP data\r\n"
                + "c=IN IP4 " + ip + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP " + formats + "\r\n"
                + rtpmaps
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\n";
    }

    /** The whole datagram: {@code cookie SP body}. */
    static byte[] datagram() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes((COOKIE + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body());
        return out.toByteArray();
    }

    /** The bencoded dictionary alone, written in Kamailio's key order. */
    static byte[] body() {
        Writer w = new Writer();
        w.raw('d');
        w.entry("sdp", SDP);
        w.entry("ICE", "remove");
        w.key("flags");
        w.list(List.of("trust-address"));
        w.key("replace");
        w.list(List.of("origin", "session-connection"));
        w.entry("transport-protocol", "RTP/AVP");
        w.entry("call-id", CALL_ID);
        w.entry("via-branch", VIA_BRANCH);
        w.key("received-from");
        w.list(List.of("IP4", CALLER_IP));
        w.key("supports");
        w.list(List.of("load limit"));
        w.entry("from-tag", FROM_TAG);
        w.entry("command", "offer");
        w.raw('e');
        return w.out.toByteArray();
    }

    /** Just enough bencode to write the request byte for byte in a chosen key order. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void raw(char c) {
            out.write(c);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(Integer.toString(b.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(':');
            out.writeBytes(b);
        }

        void key(String k) {
            string(k);
        }

        void entry(String k, String v) {
            string(k);
            string(v);
        }

        void list(List<String> items) {
            out.write('l');
            for (String s : items) {
                string(s);
            }
            out.write('e');
        }
    }
}
