# rtpengine 10.5's SDES media, probed with packets (ngrelay issue 12): `sdes_media.py NGPORT`.
# 1. SDES <-> SDES, the callee answers on the caller's own line: are packets passed untouched (a
#    broken tag too) or checked? 2. OSRTP offer, and an RTP/AVP offer with crypto, answered plain:
#    is media plain both ways? Uses srtp_min.py (AES_CM_128_HMAC_SHA1_80, `cryptography`).
import base64, os, socket, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rtcp-quality"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ng import udp
import re, srtp_min as srtp
NG = int(sys.argv[1])
KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"
KB = "d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"
def sdp(port, proto="RTP/AVP", extra=""):
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "m=audio %d %s 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n%sa=sendrecv\r\n") % (port, proto, extra)
def sock():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(1); return s
def port(s): return int(re.search(r"m=audio (\d+)", s).group(1))
def send(frm, pkt, to_sdp, rcv, what):
    frm.sendto(pkt, ("127.0.0.1", port(to_sdp)))
    try:
        got, _ = rcv.recvfrom(2000); print(what, ": sent", len(pkt), "got", len(got), "identical" if got == pkt else "different")
    except socket.timeout: print(what, ": nothing arrived (dropped)")
a, b = sock(), sock()
off = udp(NG, {"command": "offer", "call-id": "probe-1", "from-tag": "a", "sdp": sdp(a.getsockname()[1], "RTP/SAVP",
      "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY)})
ans = udp(NG, {"command": "answer", "call-id": "probe-1", "from-tag": "a", "to-tag": "b", "sdp": sdp(b.getsockname()[1], "RTP/SAVP",
      "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KB)})
aw = srtp.Srtp(base64.b64decode(KEY))
send(a, aw.protect(srtp.rtp(1, 0x1111)), ans["sdp"], b, "SDES<->SDES on the caller's line, caller -> callee")
bad = bytearray(aw.protect(srtp.rtp(2, 0x1111))); bad[-1] ^= 1
send(a, bytes(bad), ans["sdp"], b, "the same with a broken tag")
udp(NG, {"command": "delete", "call-id": "probe-1"})
for cid, req, osdp in [("probe-2", {"OSRTP": ["offer"]}, sdp(a.getsockname()[1])),
                       ("probe-3", {}, sdp(a.getsockname()[1], "RTP/AVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY))]:
    off = udp(NG, dict({"command": "offer", "call-id": cid, "from-tag": "a", "sdp": osdp}, **req))
    ans = udp(NG, {"command": "answer", "call-id": cid, "from-tag": "a", "to-tag": "b", "sdp": sdp(b.getsockname()[1])})
    send(a, srtp.rtp(1, 0x1111), ans["sdp"], b, cid + " answered plain, caller -> callee (plain RTP)")
    send(b, srtp.rtp(1, 0x2222), off["sdp"], a, cid + " answered plain, callee -> caller (plain RTP)")
    udp(NG, {"command": "delete", "call-id": cid})
