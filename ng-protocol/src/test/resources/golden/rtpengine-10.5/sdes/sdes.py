# rtpengine 10.5 and SDES: what its offers and answers carry (recorded for ngrelay issue 12 part 2)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rtcp-quality"))
from ng import *  # the small ng client beside the RTCP recording
import json, sys, re
NG = int(sys.argv[1])
def sdp(port, proto="RTP/AVP", extra=""):
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "m=audio %d %s 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n%sa=sendrecv\r\n") % (port, proto, extra)
KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"
OFFER_CRYPTO = ("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n"
                "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:%s\r\n") % (KEY, KEY)
cases = []
def run(name, offer_req, answer_sdp=None, answer_extra=None):
    cid = "sdes-" + name
    o = dict(offer_req); o.update({"command": "offer", "call-id": cid, "from-tag": "a"})
    r1 = udp(NG, o)
    out = {"name": name, "offer request": {k: v for k, v in o.items() if k != "sdp"}, "offer sdp in": o.get("sdp"),
           "offer reply": r1}
    if answer_sdp is not None and r1.get("result") == "ok":
        a = {"command": "answer", "call-id": cid, "from-tag": "a", "to-tag": "b", "sdp": answer_sdp}
        if answer_extra: a.update(answer_extra)
        out["answer request"] = {k: v for k, v in a.items() if k != "sdp"}
        out["answer sdp in"] = answer_sdp
        out["answer reply"] = udp(NG, a)
    udp(NG, {"command": "delete", "call-id": cid})
    cases.append(out)

# 1. plain offer -> RTP/SAVP: which suites, in which order, with what keys
run("plain-to-savp", {"sdp": sdp(4000), "transport-protocol": "RTP/SAVP"},
    sdp(4002, "RTP/SAVP", "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY))
# 2. plain -> RTP/SAVPF
run("plain-to-savpf", {"sdp": sdp(4010), "transport-protocol": "RTP/SAVPF"})
# 3. SDES offer -> plain: the answer to the SDES side
run("savp-to-plain", {"sdp": sdp(4020, "RTP/SAVP", OFFER_CRYPTO), "transport-protocol": "RTP/AVP"}, sdp(4022))
# 4. SDES <-> SDES (no transport change)
run("savp-to-savp", {"sdp": sdp(4030, "RTP/SAVP", OFFER_CRYPTO)},
    sdp(4032, "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY))
# 5. SDES flags: no-AEAD_AES_256_GCM etc, only some suites
run("plain-to-savp-flags", {"sdp": sdp(4040), "transport-protocol": "RTP/SAVP",
    "SDES": ["no-AEAD_AES_256_GCM", "no-AEAD_AES_128_GCM", "no-NULL_HMAC_SHA1_80", "no-NULL_HMAC_SHA1_32"]})
run("sdes-off", {"sdp": sdp(4050), "transport-protocol": "RTP/SAVP", "SDES": ["off"]})
run("sdes-unencrypted-srtp", {"sdp": sdp(4060), "transport-protocol": "RTP/SAVP", "SDES": ["unencrypted_srtp", "unauthenticated_srtp"]})
run("sdes-lifetime-pad", {"sdp": sdp(4070), "transport-protocol": "RTP/SAVP", "SDES": ["lifetime", "pad"]})
# 6. OSRTP
run("osrtp-offer", {"sdp": sdp(4080), "OSRTP": ["offer"]})
run("osrtp-accept", {"sdp": sdp(4090, "RTP/AVP", OFFER_CRYPTO), "OSRTP": ["accept"]}, sdp(4092))
# 7. MKI and lifetime in the offer
run("savp-mki", {"sdp": sdp(4100, "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s|2^20|1:4\r\n" % KEY), "transport-protocol": "RTP/AVP"}, sdp(4102))
# 8. garbage crypto line
run("savp-garbage-crypto", {"sdp": sdp(4110, "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:!!notbase64\r\na=crypto:x\r\n"), "transport-protocol": "RTP/AVP"}, sdp(4112))
# 9. DTLS offered by a browser-like peer -> plain
print(json.dumps(cases, indent=1, default=str))
