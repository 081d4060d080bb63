#!/usr/bin/env python3
"""Generates dtls-cases-input.json: the DTLS-SRTP sequences (cases 175 on) added for issue 12
after the main corpus and the SDES cases (156-174) were captured. Stdlib only; the same format as
cases-input.json (it reuses gen_cases.py's SDP builders), captured the same way:

    gen_dtls_cases.py > dtls-cases-input.json
    capture.py --input dtls-cases-input.json --v4 127.0.0.1:NGPORT
"""
import contextlib
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with contextlib.redirect_stdout(io.StringIO()):
    import gen_cases as g  # prints the main corpus when imported: kept out of this output

FIRST = 175
g.cases.clear()
oa, offer_only, alice, bob = g.oa, g.offer_only, g.alice, g.bob
ALICE_AUDIO, BOB_AUDIO, CRYPTO_ALICE = g.ALICE_AUDIO, g.BOB_AUDIO, g.CRYPTO_ALICE

# see ../dtls/README.md for what 10.5 does
FP_BOB = "a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:3A:C4:95:5D:7A:5F:2B:91:AB:B3:7B:7C"
FP_ALICE = "a=fingerprint:sha-256 0F:5C:3A:2E:61:42:9B:81:7E:D4:11:C8:20:55:AA:93:6B:E2:0C:41:77:39:D8:2F:1A:9E:C5:60:B3:08:4D:F2"
oa("dtls-plain-to-udptls-answer-active", "Plain offer with transport-protocol UDP/TLS/RTP/SAVP; the callee answers DTLS, setup:active.",
   offer_extra={"transport-protocol": "UDP/TLS/RTP/SAVP"},
   answer_sdp=bob(audio=["m=audio 7000 UDP/TLS/RTP/SAVP 0 101"] + BOB_AUDIO[1:], extra=["a=setup:active", FP_BOB]))
oa("dtls-plain-to-udptls-answer-passive", "Plain offer with transport-protocol UDP/TLS/RTP/SAVPF; the callee answers DTLS, setup:passive.",
   offer_extra={"transport-protocol": "UDP/TLS/RTP/SAVPF"},
   answer_sdp=bob(audio=["m=audio 7000 UDP/TLS/RTP/SAVPF 0 101"] + BOB_AUDIO[1:], extra=["a=setup:passive", FP_BOB]))
oa("dtls-actpass-offer-to-plain", "A DTLS offer (UDP/TLS/RTP/SAVP, setup:actpass) with transport-protocol RTP/AVP; the plain callee answers.",
   offer_sdp=alice(audio=["m=audio 6000 UDP/TLS/RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=["a=setup:actpass", FP_ALICE]),
   offer_extra={"transport-protocol": "RTP/AVP"})
oa("dtls-active-offer-to-plain", "A DTLS offer with setup:active to a plain callee: rtpengine answers passive.",
   offer_sdp=alice(audio=["m=audio 6000 UDP/TLS/RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=["a=setup:active", FP_ALICE]),
   offer_extra={"transport-protocol": "RTP/AVP"})
oa("dtls-answer-flag-passive", "A DTLS offer (actpass) to a plain callee; the answer says DTLS: passive.",
   offer_sdp=alice(audio=["m=audio 6000 UDP/TLS/RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=["a=setup:actpass", FP_ALICE]),
   offer_extra={"transport-protocol": "RTP/AVP"}, answer_extra={"DTLS": "passive"})
oa("dtls-sdes-and-dtls-offer-to-plain", "RTP/SAVP offer with a=crypto and DTLS to a plain callee: DTLS is preferred, no crypto answered.",
   offer_sdp=alice(audio=["m=audio 6000 RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=CRYPTO_ALICE + ["a=setup:actpass", FP_ALICE]),
   offer_extra={"transport-protocol": "RTP/AVP"})
offer_only("dtls-fingerprint-sha-1", "Plain offer with transport-protocol UDP/TLS/RTP/SAVP and DTLS-fingerprint SHA-1.",
           extra={"transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS-fingerprint": "SHA-1"})
offer_only("dtls-off-udptls-offer", "Plain offer with transport-protocol UDP/TLS/RTP/SAVP and DTLS: off (only SDES offered).",
           extra={"transport-protocol": "UDP/TLS/RTP/SAVP", "DTLS": "off"})

oa("dtls-transport-accept-offer", "A DTLS offer (actpass) with transport-protocol: accept: no protocol change (DTLS on both legs).",
   offer_sdp=alice(audio=["m=audio 6000 UDP/TLS/RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=["a=setup:actpass", FP_ALICE]),
   offer_extra={"transport-protocol": "accept"},
   answer_sdp=bob(audio=["m=audio 7000 UDP/TLS/RTP/SAVP 0 101"] + BOB_AUDIO[1:], extra=["a=setup:active", FP_BOB]))
oa("dtls-transport-accept-answer", "Plain offer to UDP/TLS/RTP/SAVP; the DTLS answer says transport-protocol: accept.",
   offer_extra={"transport-protocol": "UDP/TLS/RTP/SAVP"},
   answer_sdp=bob(audio=["m=audio 7000 UDP/TLS/RTP/SAVP 0 101"] + BOB_AUDIO[1:], extra=["a=setup:active", FP_BOB]),
   answer_extra={"transport-protocol": "accept"})

for i, c in enumerate(g.cases):
    old, new = c["id"], "%03d" % (FIRST + i)
    c["id"] = new
    c["steps"] = json.loads(json.dumps(c["steps"]).replace("-" + old + '"', "-" + new + '"'))
print(json.dumps({"cases": g.cases}, indent=1, ensure_ascii=False))
