#!/usr/bin/env python3
"""Generates sdes-cases-input.json: the SDES, OSRTP and SRTP re-INVITE sequences (cases 156 on)
added for issue 12 after the main corpus was captured. Stdlib only; same format as
cases-input.json, captured the same way:

    gen_sdes_cases.py > sdes-cases-input.json
    capture.py --input sdes-cases-input.json --v4 127.0.0.1:NGPORT

Most cases leave out the suites ngrelay's SrtpSuite did not have yet (AEAD_AES_*_GCM, F8) by name
and say DTLS: off, so they compare line for line whatever the number of suites either side has.
"""
import json

FIRST = 156
KEY_A = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"
KEY_A2 = "NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj"
KEY_B = "d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"
KEY_B256 = "yPc9cuJ4TPRgtAkDNhOaeIOKmdmG4NahqO3UV8DsyJp7lGCN+wOXVhZvUE1COA"
RESTRICT = {"DTLS": "off", "SDES": ["no-AEAD_AES_256_GCM", "no-AEAD_AES_128_GCM", "no-F8_128_HMAC_SHA1_80",
                                    "no-F8_128_HMAC_SHA1_32"]}


def sdp(*lines):
    return "\r\n".join(lines) + "\r\n"


def alice(proto="RTP/AVP", crypto=()):
    return sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
               "m=audio 6000 %s 0 8 101" % proto, "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
               "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv", *crypto)


def bob(proto="RTP/AVP", crypto=()):
    return sdp("v=0", "o=bob 2808844564 2808844564 IN IP4 198.51.100.20", "s=-", "c=IN IP4 198.51.100.20", "t=0 0",
               "m=audio 7000 %s 0 101" % proto, "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
               "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv", *crypto)


def line(tag, suite, key, extra=""):
    return "a=crypto:%d %s inline:%s%s" % (tag, suite, key, extra)


A_LINES = [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A), line(2, "AES_CM_128_HMAC_SHA1_32", KEY_A2)]
cases = []


def restricted(**extra):
    r = {"DTLS": RESTRICT["DTLS"], "SDES": list(RESTRICT["SDES"])}
    for k, v in extra.items():
        if k == "SDES":
            r["SDES"] = v + r["SDES"]
        else:
            r[k] = v
    return r


def case(name, desc, offer_sdp, offer_extra, answer_sdp=None, answer_extra=None, reinvite=None, query=False):
    num = "%03d" % (FIRST + len(cases))
    cid, ft, tt = "golden-" + num, "ft-" + num, "tt-" + num
    steps = [dict({"command": "offer", "call-id": cid, "from-tag": ft, "sdp": offer_sdp}, **offer_extra)]
    if answer_sdp is not None:
        steps.append(dict({"command": "answer", "call-id": cid, "from-tag": ft, "to-tag": tt, "sdp": answer_sdp},
                          **(answer_extra or {})))
    if reinvite:
        re_offer, re_answer = reinvite
        steps.append(dict({"command": "offer", "call-id": cid, "from-tag": ft, "to-tag": tt, "sdp": re_offer}, **offer_extra))
        steps.append(dict({"command": "answer", "call-id": cid, "from-tag": ft, "to-tag": tt, "sdp": re_answer},
                          **(answer_extra or {})))
    if query:
        steps.append({"command": "query", "call-id": cid})
    steps.append({"command": "delete", "call-id": cid, "from-tag": ft})
    cases.append({"id": num, "name": name, "description": desc, "instance": "v4", "steps": [{"request": s} for s in steps]})


case("sdes-savp-to-savp-passthrough",
     "SDES <-> SDES: RTP/SAVP offer with two lines, the callee answers on the caller's own tag 1: its line goes back as it is; query shows both legs SDES.",
     alice("RTP/SAVP", A_LINES), restricted(), bob("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B)]), query=True)
case("sdes-savp-to-savp-relay-suite",
     "SDES <-> SDES: the callee answers on one of rtpengine's own lines (AES_256_CM_HMAC_SHA1_80, tag 3): the caller is answered its first line's tag and suite with a fresh key.",
     alice("RTP/SAVP", A_LINES), restricted(), bob("RTP/SAVP", [line(3, "AES_256_CM_HMAC_SHA1_80", KEY_B256)]), query=True)
case("sdes-savp-to-savp-mki-lifetime",
     "SDES <-> SDES with MKI and lifetime on the caller's and the callee's lines: the lifetimes are dropped, the MKIs kept.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A, "|2^20|1:4")]), restricted(),
     bob("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B, "|2^20|1:4")]))
case("sdes-words-session-params",
     "Plain -> RTP/SAVP with SDES unencrypted_srtp, unencrypted_srtcp, unauthenticated_srtp: every line carries the three; the callee echoes them.",
     alice(), restricted(SDES=["unencrypted_srtp", "unencrypted_srtcp", "unauthenticated_srtp"], **{"transport-protocol": "RTP/SAVP"}),
     bob("RTP/SAVP", [line(5, "AES_CM_128_HMAC_SHA1_80", KEY_B, " UNENCRYPTED_SRTP UNENCRYPTED_SRTCP UNAUTHENTICATED_SRTP")]))
case("sdes-words-lifetime-pad",
     "Plain -> RTP/SAVP with SDES lifetime and pad: |2^31 on every line, padded base64 keys.",
     alice(), restricted(SDES=["lifetime", "pad"], **{"transport-protocol": "RTP/SAVP"}),
     bob("RTP/SAVP", [line(5, "AES_CM_128_HMAC_SHA1_80", KEY_B)]))
case("sdes-words-session-params-savp",
     "SDES <-> SDES with SDES unencrypted_srtcp: the caller's lines and rtpengine's all carry UNENCRYPTED_SRTCP; the callee answers on tag 1 with it.",
     alice("RTP/SAVP", A_LINES), restricted(SDES=["unencrypted_srtcp"]),
     bob("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B, " UNENCRYPTED_SRTCP")]), query=True)
case("sdes-word-encrypted-srtp",
     "SDES <-> SDES: the caller's line says UNENCRYPTED_SRTP, the offer says SDES encrypted_srtp: the line goes on without it; the callee answers on tag 1.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A, " UNENCRYPTED_SRTP")]), restricted(SDES=["encrypted_srtp"]),
     bob("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B)]), query=True)
case("sdes-savp-to-plain-session-params",
     "SDES -> plain: the caller's line carries UNENCRYPTED_SRTP UNENCRYPTED_SRTCP; rtpengine's answer line echoes them.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A, " UNENCRYPTED_SRTP UNENCRYPTED_SRTCP")]),
     {"transport-protocol": "RTP/AVP"}, bob())
case("sdes-savp-to-plain-mki",
     "SDES -> plain: the caller's line has a lifetime and an MKI (|2^20|1:4); the answer line has neither.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A, "|2^20|1:4")]), {"transport-protocol": "RTP/AVP"}, bob())
case("osrtp-offer-srtp-answer",
     "OSRTP-offer flag (RFC 8643): the plain offer goes on as RTP/AVP with crypto lines; the callee answers RTP/AVP with one; the caller gets plain RTP/AVP.",
     alice(), restricted(flags=["OSRTP-offer"]), bob("RTP/AVP", [line(5, "AES_CM_128_HMAC_SHA1_80", KEY_B)]), query=True)
case("osrtp-offer-plain-answer",
     "OSRTP: [offer]; the callee answers plain: plain both ways.",
     alice(), restricted(OSRTP=["offer"]), bob(), query=True)
case("osrtp-accept-plain-answer",
     "OSRTP: [accept]: an RTP/AVP offer with crypto lines goes on with them (and rtpengine's); a plain answer goes back RTP/AVP without crypto.",
     alice("RTP/AVP", A_LINES), restricted(OSRTP=["accept"]), bob(), query=True)
case("osrtp-accept-srtp-answer",
     "OSRTP-accept flag: an RTP/AVP offer with crypto; the callee answers RTP/AVP on the caller's tag 1: passed back.",
     alice("RTP/AVP", A_LINES), restricted(flags=["OSRTP-accept"]), bob("RTP/AVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B)]))
case("sdes-reinvite-keeps-keys",
     "Plain -> RTP/SAVP, answered on tag 5; the same offer and answer again (a re-INVITE).",
     alice(), restricted(**{"transport-protocol": "RTP/SAVP"}), bob("RTP/SAVP", [line(5, "AES_CM_128_HMAC_SHA1_80", KEY_B)]),
     reinvite=(alice(), bob("RTP/SAVP", [line(5, "AES_CM_128_HMAC_SHA1_80", KEY_B)])), query=True)
case("sdes-reinvite-new-key",
     "SDES -> plain, answered; the caller re-offers with a new key: the answer keeps rtpengine's key.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_A)]), {"transport-protocol": "RTP/AVP"}, bob(),
     reinvite=(alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B)]), bob()), query=True)
case("sdes-garbage-then-usable",
     "SDES -> plain: a line with a short key and one with an unknown suite before a usable tag 3: the answer is on tag 3.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", "WVNfX19zZW1jdGwgKCkgewkyMjA7fQ"),
                        line(2, "FOO_SUITE", KEY_A), line(3, "AES_CM_128_HMAC_SHA1_32", KEY_A)]),
     {"transport-protocol": "RTP/AVP"}, bob())
case("sdes-garbage-none-usable",
     "SDES -> plain with only unusable crypto lines (inline:!!notbase64, a=crypto:x): 10.5 passes a=crypto:x on and answers RTP/SAVP without a crypto line.",
     alice("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", "!!notbase64"), "a=crypto:x"]), {"transport-protocol": "RTP/AVP"}, bob())
case("sdes-newer-words",
     "SDES <-> SDES with newer rtpengine's nonew and prefer: 10.5 ignores them (its own suites are added).",
     alice("RTP/SAVP", A_LINES), restricted(SDES=["nonew", "prefer"]),
     bob("RTP/SAVP", [line(1, "AES_CM_128_HMAC_SHA1_80", KEY_B)]))
case("sdes-only-word",
     "Plain -> RTP/SAVP with newer rtpengine's only-AES_CM_128_HMAC_SHA1_80: 10.5 ignores it.",
     alice(), restricted(SDES=["only-AES_CM_128_HMAC_SHA1_80"], **{"transport-protocol": "RTP/SAVP"}))

print(json.dumps({"cases": cases}, indent=1, ensure_ascii=False))
