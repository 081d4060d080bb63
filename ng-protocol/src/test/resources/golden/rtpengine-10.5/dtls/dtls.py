# rtpengine 10.5 and DTLS-SRTP: what its offers and answers carry (recorded for ngrelay issue 12 part 4)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rtcp-quality"))
from ng import *  # the small ng client beside the RTCP recording
import json
NG = int(sys.argv[1])
FP = "sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:3A:C4:95:5D:7A:5F:2B:91:AB:B3:7B:7C"
def sdp(port, proto="RTP/AVP", extra=""):
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "m=audio %d %s 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n%sa=sendrecv\r\n") % (port, proto, extra)
def dtls(setup):
    return "a=setup:%s\r\na=fingerprint:%s\r\n" % (setup, FP)
KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"
cases = []
def run(name, offer_req, answer_sdp=None, answer_extra=None, query=False):
    cid = "dtls-" + name
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
    if query:
        out["query reply"] = udp(NG, {"command": "query", "call-id": cid})
    udp(NG, {"command": "delete", "call-id": cid})
    cases.append(out)

# 1. plain -> UDP/TLS/RTP/SAVP; the DTLS peer answers active (rtpengine is the server)
run("plain-to-dtls-answer-active", {"sdp": sdp(4000), "transport-protocol": "UDP/TLS/RTP/SAVP"},
    sdp(4002, "UDP/TLS/RTP/SAVP", dtls("active")), query=True)
# 2. the DTLS peer answers passive (rtpengine is the client)
run("plain-to-dtls-answer-passive", {"sdp": sdp(4010), "transport-protocol": "UDP/TLS/RTP/SAVPF"},
    sdp(4012, "UDP/TLS/RTP/SAVPF", dtls("passive")), query=True)
# 3. DTLS: passive / active / off on a plain -> DTLS offer
run("plain-to-dtls-flag-passive", {"sdp": sdp(4020), "transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS": "passive"})
run("plain-to-dtls-flag-active", {"sdp": sdp(4030), "transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS": "active"})
run("plain-to-dtls-flag-off", {"sdp": sdp(4040), "transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS": "off"})
# 4. a DTLS offerer (actpass) -> plain: what 10.5 answers it
run("dtls-actpass-to-plain", {"sdp": sdp(4050, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP"},
    sdp(4052), query=True)
run("dtls-actpass-to-plain-passive", {"sdp": sdp(4060, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP",
    "DTLS": "passive"}, sdp(4062))
run("dtls-actpass-to-plain-reverse", {"sdp": sdp(4070, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP",
    "flags": ["DTLS-reverse"]}, sdp(4072))
run("dtls-active-to-plain", {"sdp": sdp(4080, "UDP/TLS/RTP/SAVP", dtls("active")), "transport-protocol": "RTP/AVP"}, sdp(4082))
run("dtls-passive-to-plain", {"sdp": sdp(4090, "UDP/TLS/RTP/SAVP", dtls("passive")), "transport-protocol": "RTP/AVP"}, sdp(4092))
# 5. fingerprint hash choices
for h in ["SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"]:
    run("fingerprint-" + h, {"sdp": sdp(4100), "transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS-fingerprint": h})
# 6. RTP/SAVP offer with both SDES and DTLS -> plain: which one 10.5 picks
run("sdes-and-dtls-to-plain", {"sdp": sdp(4110, "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY + dtls("actpass")),
    "transport-protocol": "RTP/AVP"}, sdp(4112))
run("sdes-and-dtls-to-plain-sdes-prefer", {"sdp": sdp(4120, "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY + dtls("actpass")),
    "transport-protocol": "RTP/AVP", "SDES": ["prefer"]}, sdp(4122))
# 7. plain -> RTP/SAVP, the answer carries DTLS only (no crypto)
run("plain-to-savp-answer-dtls", {"sdp": sdp(4130), "transport-protocol": "RTP/SAVP"}, sdp(4132, "RTP/SAVP", dtls("active")))
# 8. DTLS <-> DTLS, no transport change
run("dtls-to-dtls", {"sdp": sdp(4140, "UDP/TLS/RTP/SAVPF", dtls("actpass"))}, sdp(4142, "UDP/TLS/RTP/SAVPF", dtls("active")))
# 9. an offer without a fingerprint on UDP/TLS
run("dtls-no-fingerprint-to-plain", {"sdp": sdp(4150, "UDP/TLS/RTP/SAVP", "a=setup:actpass\r\n"), "transport-protocol": "RTP/AVP"}, sdp(4152))
# 10. a=tls-id
run("dtls-tls-id-to-plain", {"sdp": sdp(4160, "UDP/TLS/RTP/SAVP", dtls("actpass") + "a=tls-id:abc123\r\n"), "transport-protocol": "RTP/AVP"}, sdp(4162))
# 11. the DTLS key and DTLS-reverse on the answer (they apply to the SDP ngrelay sends: here the answer to a DTLS offerer)
run("actpass-answer-flag-passive", {"sdp": sdp(4200, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP"}, sdp(4202), {"DTLS": "passive"})
run("actpass-answer-flag-reverse", {"sdp": sdp(4210, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP"}, sdp(4212), {"flags": ["DTLS-reverse"]})
run("actpass-answer-flag-off", {"sdp": sdp(4220, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP"}, sdp(4222), {"DTLS": "off"})
run("actpass-offer-flag-off", {"sdp": sdp(4230, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "RTP/AVP", "DTLS": "off"}, sdp(4232))
# 12. transport-protocol: accept (in an offer or an answer): no change of protocol in 10.5
K = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n" % KEY
run("accept-answer-savp", {"sdp": sdp(4300), "transport-protocol": "RTP/SAVP"}, sdp(4302, "RTP/SAVP", K), {"transport-protocol": "accept"})
run("accept-offer-savp", {"sdp": sdp(4310, "RTP/SAVP", K), "transport-protocol": "accept"}, sdp(4312, "RTP/SAVP", K))
run("accept-offer-udptls", {"sdp": sdp(4320, "UDP/TLS/RTP/SAVP", dtls("actpass")), "transport-protocol": "accept"}, sdp(4322))
run("accept-answer-plain-to-avp-offer", {"sdp": sdp(4330, "RTP/SAVP", K), "transport-protocol": "RTP/AVP"}, sdp(4332), {"transport-protocol": "accept"})
print(json.dumps(cases, indent=1, default=str))
