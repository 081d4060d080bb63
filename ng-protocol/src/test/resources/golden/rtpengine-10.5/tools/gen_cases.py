#!/usr/bin/env python3
"""Generates cases-input.json (the corpus capture.py sends). Stdlib only.

The generated JSON is the authoritative input; this script only exists to make
it easy to edit the corpus. Run: gen_cases.py > cases-input.json
"""
import json


def sdp(*lines, eol="\r\n"):
    return eol.join(lines) + eol


# ------------------------------------------------------------------ SDP bodies

ALICE_HDR = ["v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-",
             "c=IN IP4 192.0.2.10", "t=0 0"]
ALICE_AUDIO = ["m=audio 6000 RTP/AVP 0 8 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
               "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20"]
ALICE = sdp(*ALICE_HDR, *ALICE_AUDIO, "a=sendrecv")

BOB_HDR = ["v=0", "o=bob 2808844564 2808844564 IN IP4 198.51.100.20", "s=-",
           "c=IN IP4 198.51.100.20", "t=0 0"]
BOB_AUDIO = ["m=audio 7000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000",
             "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20"]
BOB = sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv")


def alice(direction="a=sendrecv", audio=None, hdr=None, extra=(), version=None, eol="\r\n"):
    h = list(hdr or ALICE_HDR)
    if version is not None:
        h[1] = "o=alice 2890844526 %d IN IP4 192.0.2.10" % version
    a = list(audio or ALICE_AUDIO)
    lines = h + a + ([direction] if direction else []) + list(extra)
    return sdp(*lines, eol=eol)


def bob(direction="a=sendrecv", audio=None, hdr=None, extra=(), version=None):
    h = list(hdr or BOB_HDR)
    if version is not None:
        h[1] = "o=bob 2808844564 %d IN IP4 198.51.100.20" % version
    a = list(audio or BOB_AUDIO)
    return sdp(*(h + a + ([direction] if direction else []) + list(extra)))


VIDEO = ["m=video 6002 RTP/AVP 96", "a=rtpmap:96 H264/90000",
         "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1", "a=sendrecv"]
BOB_VIDEO = ["m=video 7002 RTP/AVP 96", "a=rtpmap:96 H264/90000",
             "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1", "a=sendrecv"]

ICE_LINES = ["a=ice-options:trickle", "a=ice-ufrag:F7gI", "a=ice-pwd:x9cml/YzichV2+XlhiMu8g",
             "a=candidate:1 1 UDP 2130706431 192.0.2.10 6000 typ host",
             "a=candidate:1 2 UDP 2130706430 192.0.2.10 6001 typ host",
             "a=candidate:2 1 UDP 1694498815 203.0.113.77 46000 typ srflx raddr 192.0.2.10 rport 6000",
             "a=candidate:2 2 UDP 1694498814 203.0.113.77 46001 typ srflx raddr 192.0.2.10 rport 6001",
             "a=end-of-candidates"]

CRYPTO_ALICE = ["a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32",
                "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:32"]
CRYPTO_BOB = ["a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:32"]

# ------------------------------------------------------------------ case builders

cases = []


def ids():
    n = len(cases) + 1
    num = "%03d" % n
    return num, "golden-%s" % num, "ft-%s" % num, "tt-%s" % num


def add(name, desc, steps, instance="v4"):
    num = "%03d" % (len(cases) + 1)
    cases.append({"id": num, "name": name, "description": desc, "instance": instance,
                  "steps": [s if "request" in s else {"request": s} for s in steps]})


def req(command, cid=None, ft=None, tt=None, sdp_=None, **kw):
    r = {"command": command}
    if cid is not None:
        r["call-id"] = cid
    if ft is not None:
        r["from-tag"] = ft
    if tt is not None:
        r["to-tag"] = tt
    if sdp_ is not None:
        r["sdp"] = sdp_
    for k, v in kw.items():
        r[k] = v
    return r


def oa(name, desc, offer_sdp=ALICE, answer_sdp=BOB, offer_extra=None, answer_extra=None,
       instance="v4", after_answer=(), no_answer=False):
    """offer (from-tag) -> answer (to-tag) -> [extra] -> delete."""
    num, cid, ft, tt = ids()
    steps = [dict(req("offer", cid, ft, sdp_=offer_sdp), **(offer_extra or {}))]
    if not no_answer:
        steps.append(dict(req("answer", cid, ft, tt, sdp_=answer_sdp), **(answer_extra or {})))
    for s in after_answer:
        steps.append(s(cid, ft, tt) if callable(s) else s)
    steps.append(req("delete", cid, ft))
    add(name, desc, steps, instance)


def offer_only(name, desc, offer_sdp=ALICE, extra=None, instance="v4"):
    oa(name, desc, offer_sdp, offer_extra=extra, instance=instance, no_answer=True)


# ------------------------------------------------------------------ 1. plain
oa("plain-offer-answer", "Plain offer/answer with no flags, then delete with from-tag (Kamailio style).")
oa("kamailio-extra-keys",
   "Offer/answer carrying Kamailio's extra keys supports, received-from, sip-message-type (ignored but harmless).",
   offer_extra={"supports": ["load limit"], "received-from": ["IP4", "192.0.2.99"],
                "sip-message-type": "sip_request"},
   answer_extra={"supports": ["load limit"], "received-from": ["IP4", "198.51.100.99"],
                 "sip-message-type": "sip_reply"},
   after_answer=[lambda c, f, t: req("query", c)])

# ------------------------------------------------------------------ 2. SDP shape variations
oa("no-rtpmap-static-pts", "Offer and answer with static payload types only and no a=rtpmap lines.",
   offer_sdp=alice(audio=["m=audio 6000 RTP/AVP 0 8 18", "a=ptime:20"]),
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 0", "a=ptime:20"]))
oa("no-sendrecv", "Offer and answer without any direction attribute (is a=sendrecv added?).",
   offer_sdp=alice(direction=None), answer_sdp=bob(direction=None))
oa("no-ptime", "Offer and answer without a=ptime.",
   offer_sdp=alice(audio=ALICE_AUDIO[:-1]), answer_sdp=bob(audio=BOB_AUDIO[:-1]))
oa("unknown-attributes",
   "Unknown attributes at session level and media level in unusual places (before rtpmap, after ptime, after direction).",
   offer_sdp=sdp(*ALICE_HDR, "a=foo:bar", "a=x-session-custom",
                 "m=audio 6000 RTP/AVP 0 8 101", "a=x-custom", "a=foo:media-before-rtpmap",
                 "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=x-between-rtpmaps:1",
                 "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20",
                 "a=foo:after-ptime", "a=sendrecv", "a=x-last"),
   answer_sdp=sdp(*BOB_HDR, "a=x-bob-session:1", "m=audio 7000 RTP/AVP 0 101",
                  "a=x-bob-media", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
                  "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv", "a=x-bob-last:yes"))
oa("session-attr-before-c",
   "Session-level attribute and b= placed before c= (wrong order per RFC 4566) in the offer.",
   offer_sdp=sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-",
                 "a=tool:golden", "c=IN IP4 192.0.2.10", "t=0 0", *ALICE_AUDIO, "a=sendrecv"))
oa("bandwidth-and-info-lines", "Offer with i=, u=, e=, b=AS/b=CT at session level and i=, b=AS:64, b=TIAS at media level.",
   offer_sdp=sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=Golden session",
                 "i=A session description", "u=http://www.example.com/seminars/sdp.pdf",
                 "e=alice@example.com", "c=IN IP4 192.0.2.10", "b=CT:128", "t=0 0",
                 "m=audio 6000 RTP/AVP 0 8 101", "i=Audio stream", "b=AS:64", "b=TIAS:64000",
                 *ALICE_AUDIO[1:], "a=sendrecv"),
   answer_sdp=sdp(*BOB_HDR[:4], "b=AS:80", "t=0 0", "m=audio 7000 RTP/AVP 0 101", "b=AS:64",
                  *BOB_AUDIO[1:], "a=sendrecv"))
oa("session-level-attributes",
   "Session-level a=tool and a=sendrecv (no media-level direction) in the offer.",
   offer_sdp=sdp(*ALICE_HDR, "a=tool:golden 1.0", "a=sendrecv", *ALICE_AUDIO))
oa("session-direction-with-value",
   "Session-level a=sendrecv followed by a malformed a=recvonly:ignored (direction attribute with a value).",
   offer_sdp=sdp(*ALICE_HDR, "a=tool:golden 1.0", "a=sendrecv", "a=recvonly:ignored", *ALICE_AUDIO))
oa("session-level-sendonly",
   "Session-level a=sendonly and no media-level direction in the offer (hold expressed at session level).",
   offer_sdp=sdp(*ALICE_HDR, "a=sendonly", *ALICE_AUDIO),
   answer_sdp=sdp(*BOB_HDR, "a=recvonly", *BOB_AUDIO))

# ------------------------------------------------------------------ 3. c= placement
oa("media-level-c-only", "c= only at media level (no session c=) in offer and answer.",
   offer_sdp=sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "t=0 0",
                 ALICE_AUDIO[0], "c=IN IP4 192.0.2.10", *ALICE_AUDIO[1:], "a=sendrecv"),
   answer_sdp=sdp("v=0", "o=bob 2808844564 2808844564 IN IP4 198.51.100.20", "s=-", "t=0 0",
                  BOB_AUDIO[0], "c=IN IP4 198.51.100.20", *BOB_AUDIO[1:], "a=sendrecv"))
oa("c-both-levels", "c= at session level (192.0.2.10) and a different one at media level (192.0.2.11).",
   offer_sdp=sdp(*ALICE_HDR, ALICE_AUDIO[0], "c=IN IP4 192.0.2.11", *ALICE_AUDIO[1:], "a=sendrecv"))
oa("c-per-media-different", "Two media sections with different media-level c= and no session c=.",
   offer_sdp=sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "t=0 0",
                 ALICE_AUDIO[0], "c=IN IP4 192.0.2.10", *ALICE_AUDIO[1:], "a=sendrecv",
                 VIDEO[0], "c=IN IP4 192.0.2.12", *VIDEO[1:]),
   answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", *BOB_VIDEO))

# ------------------------------------------------------------------ 4. line endings
oa("bare-lf-line-endings", "Offer and answer SDPs using bare \\n line endings (no \\r).",
   offer_sdp=alice(eol="\n"), answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", eol="\n"))
oa("bare-lf-unknown-attrs-ice",
   "Bare \\n SDP with unknown attributes and ICE lines (which line endings do copied vs generated lines get?).",
   offer_sdp=sdp(*ALICE_HDR, "a=x-session", ALICE_AUDIO[0], "a=x-custom", *ALICE_AUDIO[1:], "a=sendrecv",
                 "a=x-last", *ICE_LINES, eol="\n"))
oa("mixed-line-endings", "Offer SDP mixing \\r\\n and \\n line endings, no trailing newline.",
   offer_sdp="\r\n".join(ALICE_HDR) + "\n" + "\n".join(ALICE_AUDIO) + "\r\na=sendrecv")

# ------------------------------------------------------------------ 5. flags
for fl in ["trust-address", "symmetric", "asymmetric", "strict-source", "media-handover",
           "port-latching", "no-rtcp-attribute", "full-rtcp-attribute", "loop-protect",
           "original-sendrecv"]:
    oa("flag-" + fl.lower(), "Offer with flags: [%s] alone; plain answer." % fl,
       offer_extra={"flags": [fl]}, after_answer=[lambda c, f, t: req("query", c)])
oa("flag-sip-source-address",
   "Offer with flags [SIP-source-address] and received-from [IP4, 192.0.2.99]; answer with received-from too.",
   offer_extra={"flags": ["SIP-source-address"], "received-from": ["IP4", "192.0.2.99"]},
   answer_extra={"flags": ["SIP-source-address"], "received-from": ["IP4", "198.51.100.99"]},
   after_answer=[lambda c, f, t: req("query", c)])
oa("flag-trust-address-received-from",
   "Offer with flags [trust-address] plus received-from (Kamailio default style); query shows endpoint.",
   offer_extra={"flags": ["trust-address"], "received-from": ["IP4", "192.0.2.99"]},
   after_answer=[lambda c, f, t: req("query", c)])
oa("flag-original-sendrecv-sendonly",
   "original-sendrecv on an a=sendonly offer and on the a=recvonly answer.",
   offer_sdp=alice("a=sendonly"), answer_sdp=bob("a=recvonly"),
   offer_extra={"flags": ["original-sendrecv"]}, answer_extra={"flags": ["original-sendrecv"]})
num, cid, ft, tt = ids()
add("flag-loop-protect-fed-back",
    "loop-protect: rtpengine's own offer output (with a=rtpengine:) is sent back as an offer with loop-protect on a second call-id.",
    [dict(req("offer", cid, ft, sdp_=ALICE), flags=["loop-protect"]),
     {"request": dict(req("offer", cid + "-loop", ft, sdp_="<from step 0 response>"), flags=["loop-protect"]),
      "sdp_from_step": 0},
     req("delete", cid), req("delete", cid + "-loop")])
oa("replace-origin", "Offer with replace: [origin].", offer_extra={"replace": ["origin"]})
oa("replace-session-connection", "Offer with replace: [session-connection].",
   offer_extra={"replace": ["session-connection"]})
oa("replace-origin-and-session-connection", "Offer and answer with replace: [origin, session-connection] (Kamailio replace-origin replace-session-connection).",
   offer_extra={"replace": ["origin", "session-connection"]},
   answer_extra={"replace": ["origin", "session-connection"]})
oa("replace-session-name-username", "Offer with replace: [session-name, username].",
   offer_extra={"replace": ["session-name", "username"]})
num, cid, ft, tt = ids()
add("replace-sdp-version",
    "replace: [SDP-version]: offer, answer, then a re-offer with a changed body (sendonly) but the same o= version.",
    [dict(req("offer", cid, ft, sdp_=ALICE), replace=["SDP-version"]), req("answer", cid, ft, tt, sdp_=BOB),
     dict(req("offer", cid, ft, sdp_=alice("a=sendonly")), replace=["SDP-version"]),
     req("answer", cid, ft, tt, sdp_=bob("a=recvonly")), req("delete", cid, ft)])
oa("replace-zero-address", "replace: [zero-address] on an offer with c=IN IP4 0.0.0.0.",
   offer_sdp=alice(hdr=ALICE_HDR[:3] + ["c=IN IP4 0.0.0.0", "t=0 0"]), offer_extra={"replace": ["zero-address"]})
oa("replace-origin-media-level-c-only",
   "replace: [origin, session-connection] with an SDP that has c= only at media level.",
   offer_sdp=sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "t=0 0",
                 ALICE_AUDIO[0], "c=IN IP4 192.0.2.10", *ALICE_AUDIO[1:], "a=sendrecv"),
   offer_extra={"replace": ["origin", "session-connection"]})
oa("media-address", "Offer with media-address: 203.0.113.5.", offer_extra={"media-address": "203.0.113.5"})
oa("direction-internal-external",
   "Offer with direction: [internal, external] on a daemon with only an unnamed interface (records whether it errors).",
   offer_extra={"direction": ["internal", "external"]})
oa("direction-default-default",
   "Offer with direction: [default, default] (name of the unnamed interface).",
   offer_extra={"direction": ["default", "default"]})

# named interfaces (third daemon: internal/127.0.0.1, external/127.0.0.2 advertised as 203.0.113.1)
oa("named-no-direction", "Daemon with two named interfaces (internal, external!advertised); offer/answer without direction.",
   instance="named", after_answer=[lambda c, f, t: req("query", c)])
oa("named-direction-internal-external",
   "Named-interface daemon: direction [internal, external] on offer (answer without direction); query shows local addresses.",
   offer_extra={"direction": ["internal", "external"]}, instance="named",
   after_answer=[lambda c, f, t: req("query", c)])
oa("named-direction-external-internal",
   "Named-interface daemon: direction [external, internal] on offer.",
   offer_extra={"direction": ["external", "internal"]}, instance="named")
oa("named-direction-unknown", "Named-interface daemon: direction [foo, bar] (unknown interface names).",
   offer_extra={"direction": ["foo", "bar"]}, instance="named")
oa("named-direction-single", "Named-interface daemon: direction with a single entry [external].",
   offer_extra={"direction": ["external"]}, instance="named")

# IPv6 (dual-stack daemon)
ALICE6_HDR = ["v=0", "o=alice 2890844526 2890844526 IN IP6 2001:db8::10", "s=-",
              "c=IN IP6 2001:db8::10", "t=0 0"]
ALICE6 = sdp(*ALICE6_HDR, *ALICE_AUDIO, "a=sendrecv")
BOB6 = sdp("v=0", "o=bob 2808844564 2808844564 IN IP6 2001:db8::20", "s=-",
           "c=IN IP6 2001:db8::20", "t=0 0", *BOB_AUDIO, "a=sendrecv")
oa("v6-plain-ipv4-sdp-dualstack", "IPv4 SDP offer/answer on a dual-stack daemon (127.0.0.1 + ::1), no flags.",
   instance="v4v6")
oa("v6-address-family-ip6", "IPv4 offer with address-family: IP6 on dual-stack daemon; IPv4 answer with address-family IP4.",
   offer_extra={"address-family": "IP6"}, answer_extra={"address-family": "IP4"}, instance="v4v6")
oa("v6-ipv6-sdp-no-af", "IPv6 SDP offer (c=IN IP6 2001:db8::10) and IPv6 answer, no address-family, dual-stack daemon.",
   offer_sdp=ALICE6, answer_sdp=BOB6, instance="v4v6")
oa("v6-ipv6-sdp-af-ip4", "IPv6 SDP offer with address-family: IP4 (v6 -> v4 bridging); IPv4 answer.",
   offer_sdp=ALICE6, offer_extra={"address-family": "IP4"}, instance="v4v6")
oa("v6-ipv6-sdp-af-ip6", "IPv6 SDP offer with address-family: IP6; IPv6 answer.",
   offer_sdp=ALICE6, answer_sdp=BOB6, offer_extra={"address-family": "IP6"}, instance="v4v6")
oa("v6-ipv6-sdp-ipv4-only-daemon", "IPv6 SDP offer on the IPv4-only daemon (no ::1 interface).",
   offer_sdp=ALICE6, answer_sdp=BOB6)
oa("v6-address-family-ip6-ipv4-only-daemon", "address-family: IP6 requested on the IPv4-only daemon.",
   offer_extra={"address-family": "IP6"})

# ------------------------------------------------------------------ 6. ICE
ALICE_ICE = alice(extra=ICE_LINES)
oa("ice-remove", "Offer with ICE attributes and ICE: remove.", offer_sdp=ALICE_ICE,
   offer_extra={"ICE": "remove"})
oa("ice-default", "Offer with ICE attributes and no ICE key (default); callee answers without ICE.",
   offer_sdp=ALICE_ICE)
oa("ice-force", "Plain offer (no ICE) with ICE: force; callee answers without ICE.",
   offer_extra={"ICE": "force"})
oa("ice-force-answer", "Plain offer and answer both with ICE: force.",
   offer_extra={"ICE": "force"}, answer_extra={"ICE": "force"})

# ------------------------------------------------------------------ 7. holds
oa("hold-c-zero", "Offer with c=IN IP4 0.0.0.0 (RFC 2543 hold); answer normal.",
   offer_sdp=alice(hdr=ALICE_HDR[:3] + ["c=IN IP4 0.0.0.0", "t=0 0"]))
oa("hold-sendonly", "Offer with a=sendonly; answer a=recvonly.", offer_sdp=alice("a=sendonly"),
   answer_sdp=bob("a=recvonly"))
oa("hold-recvonly", "Offer with a=recvonly; answer a=sendonly.", offer_sdp=alice("a=recvonly"),
   answer_sdp=bob("a=sendonly"))
oa("hold-inactive", "Offer with a=inactive; answer a=inactive.", offer_sdp=alice("a=inactive"),
   answer_sdp=bob("a=inactive"))
num, cid, ft, tt = ids()
add("reinvite-hold-resume",
    "re-INVITE sequence: offer/answer, re-offer (o= version+1, sendonly), re-answer recvonly, re-offer sendrecv (version+2), re-answer; compare ports.",
    [req("offer", cid, ft, sdp_=alice()), req("answer", cid, ft, tt, sdp_=bob()),
     req("offer", cid, ft, sdp_=alice("a=sendonly", version=2890844527)),
     req("answer", cid, ft, tt, sdp_=bob("a=recvonly", version=2808844565)),
     req("offer", cid, ft, sdp_=alice(version=2890844528)),
     req("answer", cid, ft, tt, sdp_=bob(version=2808844566)),
     req("delete", cid, ft)])
num, cid, ft, tt = ids()
add("reinvite-from-callee",
    "Callee-initiated re-INVITE: after offer/answer, an offer with from-tag = callee tag and to-tag = caller tag (as Kamailio sends), then answer.",
    [req("offer", cid, ft, sdp_=alice()), req("answer", cid, ft, tt, sdp_=bob()),
     req("offer", cid, tt, ft, sdp_=bob("a=sendonly", version=2808844565)),
     req("answer", cid, tt, ft, sdp_=alice("a=recvonly", version=2890844527)),
     req("delete", cid, ft)])
num, cid, ft, tt = ids()
add("reinvite-new-media-port",
    "re-INVITE where the caller changes its media port and address (6000 -> 6100, 192.0.2.10 -> 192.0.2.50); compare rtpengine ports.",
    [req("offer", cid, ft, sdp_=alice()), req("answer", cid, ft, tt, sdp_=bob()),
     req("offer", cid, ft, sdp_=alice(hdr=["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.50", "s=-", "c=IN IP4 192.0.2.50", "t=0 0"],
                                     audio=["m=audio 6100 RTP/AVP 0 8 101"] + ALICE_AUDIO[1:])),
     req("answer", cid, ft, tt, sdp_=bob(version=2808844565)),
     req("query", cid),
     req("delete", cid, ft)])

# ------------------------------------------------------------------ 8. multiple m= lines
AV = sdp(*ALICE_HDR, *ALICE_AUDIO, "a=sendrecv", *VIDEO)
oa("audio-video", "Offer and answer with audio + video (H264) m= lines.", offer_sdp=AV,
   answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", *BOB_VIDEO))
oa("video-rejected-in-offer", "Offer containing a rejected stream (m=video 0 ...).",
   offer_sdp=sdp(*ALICE_HDR, *ALICE_AUDIO, "a=sendrecv", "m=video 0 RTP/AVP 96",
                 "a=rtpmap:96 H264/90000"),
   answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", "m=video 0 RTP/AVP 96"))
oa("video-rejected-in-answer", "Audio+video offer; the answer rejects video with port 0.", offer_sdp=AV,
   answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", "m=video 0 RTP/AVP 96"))
oa("two-audio-streams", "Offer with two audio m= lines.",
   offer_sdp=sdp(*ALICE_HDR, *ALICE_AUDIO, "a=sendrecv", "m=audio 6010 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=sendrecv"),
   answer_sdp=sdp(*BOB_HDR, *BOB_AUDIO, "a=sendrecv", "m=audio 7010 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=sendrecv"))

# ------------------------------------------------------------------ 9. codecs
oa("codec-strip-pcma", "Offer with codec: {strip: [PCMA]}.", offer_extra={"codec": {"strip": ["PCMA"]}})
oa("codec-mask-pcmu", "Offer with codec: {mask: [PCMU]}; callee answers PCMA.",
   offer_extra={"codec": {"mask": ["PCMU"]}},
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 8 101", "a=rtpmap:8 PCMA/8000",
                         "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20"]))
oa("codec-offer-pcma", "Offer with codec: {offer: [PCMA]} (PCMA already present).",
   offer_extra={"codec": {"offer": ["PCMA"]}})
oa("codec-strip-all", "Offer with codec: {strip: [all]}.", offer_extra={"codec": {"strip": ["all"]}})
oa("codec-strip-all-offer-pcma", "Offer with codec: {strip: [all], offer: [PCMA]}; callee answers PCMA.",
   offer_extra={"codec": {"strip": ["all"], "offer": ["PCMA"]}},
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=ptime:20"]))
oa("codec-strip-by-pt", "Offer with codec: {strip: [\"8\"]} (payload number).",
   offer_extra={"codec": {"strip": ["8"]}})
oa("codec-strip-hash-pt", "Offer with codec: {strip: [\"#8\"]} (hash + payload number syntax).",
   offer_extra={"codec": {"strip": ["#8"]}})
oa("codec-strip-full-format", "Offer with codec: {strip: [PCMA/8000]} (encoding/clock format).",
   offer_extra={"codec": {"strip": ["PCMA/8000"]}})
oa("codec-strip-all-except-pcmu", "Offer with codec: {strip: [all], except: [PCMU]}.",
   offer_extra={"codec": {"strip": ["all"], "except": ["PCMU"]}})
oa("codec-strip-telephone-event", "Offer with codec: {strip: [telephone-event]}.",
   offer_extra={"codec": {"strip": ["telephone-event"]}})
oa("flags-codec-strip-pcma", "Offer with flags: [codec-strip-PCMA].", offer_extra={"flags": ["codec-strip-PCMA"]})
oa("flags-codec-mask-pcmu", "Offer with flags: [codec-mask-PCMU].", offer_extra={"flags": ["codec-mask-PCMU"]})
oa("codec-transcode-g722-answer-g722", "Offer with codec: {transcode: [G722]}; callee answers G722 only.",
   offer_extra={"codec": {"transcode": ["G722"]}},
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 9 101", "a=rtpmap:9 G722/8000",
                         "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20"]))
oa("codec-transcode-g722-answer-pcmu", "Offer with codec: {transcode: [G722]}; callee answers PCMU.",
   offer_extra={"codec": {"transcode": ["G722"]}})
oa("codec-mask-all-transcode-pcma", "Offer with codec: {mask: [all], transcode: [PCMA]} (mask everything, offer only PCMA); callee answers PCMA.",
   offer_extra={"codec": {"mask": ["all"], "transcode": ["PCMA"]}},
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=ptime:20"]))
oa("ptime-30-no-transcode", "Offer with ptime: 30 and no codec flags.", offer_extra={"ptime": 30})
oa("codec-mask-pcmu-answer-pcmu",
   "Offer with codec: {mask: [PCMU]} (callee sees only PCMA), but callee answers PCMU anyway.",
   offer_extra={"codec": {"mask": ["PCMU"]}})
oa("codec-strip-unknown-name", "Offer with codec: {strip: [NOSUCHCODEC]}.",
   offer_extra={"codec": {"strip": ["NOSUCHCODEC"]}})
oa("softphone-opus-g722",
   "Realistic softphone offer with opus/48000/2, G722, PCMU, PCMA, telephone-event/48000 and /8000, rtcp-fb-less AVP; answer picks opus.",
   offer_sdp=sdp("v=0", "o=- 3917441239 3917441239 IN IP4 192.0.2.10", "s=Softphone", "c=IN IP4 192.0.2.10", "t=0 0",
                 "m=audio 50000 RTP/AVP 111 9 0 8 110 101", "a=rtpmap:111 opus/48000/2",
                 "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtpmap:9 G722/8000", "a=rtpmap:0 PCMU/8000",
                 "a=rtpmap:8 PCMA/8000", "a=rtpmap:110 telephone-event/48000", "a=fmtp:110 0-15",
                 "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=maxptime:120", "a=sendrecv"),
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVP 111 110", "a=rtpmap:111 opus/48000/2",
                         "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtpmap:110 telephone-event/48000",
                         "a=fmtp:110 0-15", "a=ptime:20"]))
oa("avpf-rtcp-fb-ssrc-mid",
   "RTP/AVPF offer with a=rtcp-fb, a=ssrc, a=mid, a=msid lines.",
   offer_sdp=sdp(*ALICE_HDR, "a=msid-semantic: WMS", "m=audio 6000 RTP/AVPF 0 101", "a=mid:0",
                 "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16",
                 "a=rtcp-fb:* nack", "a=ssrc:1234567890 cname:alice@example.com",
                 "a=msid:stream0 track0", "a=ptime:20", "a=sendrecv"),
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVPF 0 101", "a=mid:0", "a=rtpmap:0 PCMU/8000",
                         "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20"]))

# ------------------------------------------------------------------ 10. rtcp-mux
MUX_ALICE = alice(extra=["a=rtcp-mux"])
MUX_BOB = bob(extra=["a=rtcp-mux"])
oa("rtcp-mux-offered-no-flag", "Offer with a=rtcp-mux and no flag; callee answers without mux.", offer_sdp=MUX_ALICE)
oa("rtcp-mux-offered-no-flag-callee-mux", "Offer with a=rtcp-mux and no flag; callee answers with a=rtcp-mux.",
   offer_sdp=MUX_ALICE, answer_sdp=MUX_BOB)
oa("rtcp-mux-offer-flag", "Plain (non-mux) offer with rtcp-mux: [offer]; callee answers with mux.",
   offer_extra={"rtcp-mux": ["offer"]}, answer_sdp=MUX_BOB)
oa("rtcp-mux-demux", "Mux offer with rtcp-mux: [demux]; callee answers plain.", offer_sdp=MUX_ALICE,
   offer_extra={"rtcp-mux": ["demux"]})
oa("rtcp-mux-accept", "Mux offer with rtcp-mux: [accept]; callee answers with a=rtcp-mux.", offer_sdp=MUX_ALICE,
   offer_extra={"rtcp-mux": ["accept"]}, answer_sdp=MUX_BOB)
oa("rtcp-mux-require", "Mux offer with rtcp-mux: [require]; callee answers plain.", offer_sdp=MUX_ALICE,
   offer_extra={"rtcp-mux": ["require"]})
oa("rtcp-mux-reject", "Mux offer with rtcp-mux: [reject]; callee answers plain.", offer_sdp=MUX_ALICE,
   offer_extra={"rtcp-mux": ["reject"]})
oa("rtcp-mux-require-plain-offer", "Plain offer with rtcp-mux: [require]; callee answers mux.",
   offer_extra={"rtcp-mux": ["require"]}, answer_sdp=MUX_BOB)
oa("rtcp-mux-with-rtcp-same-port", "Offer with a=rtcp:6000 (same as RTP port) and a=rtcp-mux (WebRTC style), no flags; callee plain.",
   offer_sdp=alice(extra=["a=rtcp:6000", "a=rtcp-mux"]))
oa("rtcp-attr-port-only", "Offer with a=rtcp:6001.", offer_sdp=alice(extra=["a=rtcp:6001"]))
oa("rtcp-attr-full", "Offer with a=rtcp:6001 IN IP4 192.0.2.10.", offer_sdp=alice(extra=["a=rtcp:6001 IN IP4 192.0.2.10"]))
oa("rtcp-attr-odd-port", "Offer with a=rtcp:6555 (not port+1) and answer with a=rtcp:7777 IN IP4 198.51.100.21.",
   offer_sdp=alice(extra=["a=rtcp:6555"]), answer_sdp=bob(extra=["a=rtcp:7777 IN IP4 198.51.100.21"]))

# ------------------------------------------------------------------ 11. transport
oa("transport-rtp-avp-plain", "Plain offer with transport-protocol: RTP/AVP (no-op).",
   offer_extra={"transport-protocol": "RTP/AVP"})
oa("transport-rtp-savp-plain",
   "Plain offer with transport-protocol: RTP/SAVP; callee answers RTP/SAVP with tag 7 AES_CM_128_HMAC_SHA1_80.",
   offer_extra={"transport-protocol": "RTP/SAVP"},
   answer_sdp=bob(audio=["m=audio 7000 RTP/SAVP 0 101"] + BOB_AUDIO[1:],
                  extra=["a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"]))
oa("transport-rtp-savp-dtls-off", "Plain offer with transport-protocol: RTP/SAVP and DTLS: off.",
   offer_extra={"transport-protocol": "RTP/SAVP", "DTLS": "off"})
oa("transport-rtp-savp-sdes-off", "Plain offer with transport-protocol: UDP/TLS/RTP/SAVP and SDES: [off].",
   offer_extra={"transport-protocol": "UDP/TLS/RTP/SAVP", "SDES": ["off"]})
oa("savp-offer-no-flags", "RTP/SAVP offer with two a=crypto lines, no flags; callee answers RTP/SAVP with crypto tag 1.",
   offer_sdp=alice(audio=["m=audio 6000 RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=CRYPTO_ALICE),
   answer_sdp=bob(audio=["m=audio 7000 RTP/SAVP 0 101"] + BOB_AUDIO[1:], extra=CRYPTO_BOB))
oa("savp-offer-to-avp", "RTP/SAVP offer with crypto and transport-protocol: RTP/AVP (SDES -> plain); callee answers plain.",
   offer_sdp=alice(audio=["m=audio 6000 RTP/SAVP 0 8 101"] + ALICE_AUDIO[1:], extra=CRYPTO_ALICE),
   offer_extra={"transport-protocol": "RTP/AVP"})
oa("transport-rtp-avpf", "Plain offer with transport-protocol: RTP/AVPF.",
   offer_extra={"transport-protocol": "RTP/AVPF"},
   answer_sdp=bob(audio=["m=audio 7000 RTP/AVPF 0 101"] + BOB_AUDIO[1:]))

# ------------------------------------------------------------------ 12. label, via-branch, forking
oa("label-offer-answer", "label key on offer (caller) and answer (callee), then query to see labels.",
   offer_extra={"label": "caller"}, answer_extra={"label": "callee"},
   after_answer=[lambda c, f, t: req("query", c)])
oa("via-branch-offer-answer", "via-branch on offer and answer.",
   offer_extra={"via-branch": "z9hG4bK776asdhds"}, answer_extra={"via-branch": "z9hG4bK776asdhds"})
num, cid, ft, tt = ids()
add("repeated-identical-offer", "Same offer sent twice (retransmission with new cookie): same ports/SDP?",
    [req("offer", cid, ft, sdp_=ALICE), req("offer", cid, ft, sdp_=ALICE),
     req("answer", cid, ft, tt, sdp_=BOB), req("answer", cid, ft, tt, sdp_=BOB), req("delete", cid, ft)])
num, cid, ft, tt = ids()
add("forking-two-from-tags",
    "Same call-id offered twice with different from-tags (ft-A, ft-B), answers to each, then query and delete.",
    [req("offer", cid, ft + "-A", sdp_=ALICE), req("offer", cid, ft + "-B", sdp_=ALICE),
     req("answer", cid, ft + "-A", tt + "-A", sdp_=BOB), req("answer", cid, ft + "-B", tt + "-B", sdp_=BOB),
     req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("answer-different-to-tag",
    "Offer, answer with to-tag tt-1, then another answer with to-tag tt-2 (downstream fork / second 200 OK), query, delete.",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, tt + "-1", sdp_=BOB),
     req("answer", cid, ft, tt + "-2",
         sdp_=sdp("v=0", "o=carol 1 1 IN IP4 198.51.100.30", "s=-", "c=IN IP4 198.51.100.30", "t=0 0",
                  "m=audio 8000 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=ptime:20", "a=sendrecv")),
     req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("forking-via-branch",
    "Two offers with the same from-tag but different via-branch (parallel forking as Kamailio sends), answers with via-branch, delete.",
    [dict(req("offer", cid, ft, sdp_=ALICE), **{"via-branch": "z9hG4bK-br1"}),
     dict(req("offer", cid, ft, sdp_=ALICE), **{"via-branch": "z9hG4bK-br2"}),
     dict(req("answer", cid, ft, tt, sdp_=BOB), **{"via-branch": "z9hG4bK-br2"}),
     req("query", cid), req("delete", cid, ft)])

# ------------------------------------------------------------------ 13. query / list / delete
oa("query-after-answer", "Query (call-id only) after offer+answer: full shape.",
   after_answer=[lambda c, f, t: req("query", c)])
oa("query-with-from-tag", "Query with from-tag after offer+answer.",
   after_answer=[lambda c, f, t: req("query", c, f)])
oa("query-with-from-and-to-tag", "Query with from-tag and to-tag after offer+answer.",
   after_answer=[lambda c, f, t: req("query", c, f, t)])
oa("list-one-call", "list with one active call.", after_answer=[{"command": "list"}])
num, cid, ft, tt = ids()
add("list-limit-1", "Two calls, list without and with limit: 1, then delete both.",
    [req("offer", cid + "-a", ft, sdp_=ALICE), req("offer", cid + "-b", ft, sdp_=ALICE),
     {"command": "list"}, {"command": "list", "limit": 1},
     req("delete", cid + "-a", ft), req("delete", cid + "-b", ft), {"command": "list"}])
num, cid, ft, tt = ids()
add("delete-without-from-tag", "delete with call-id only after offer+answer, then query (gone?).",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, tt, sdp_=BOB), req("delete", cid), req("query", cid)])
num, cid, ft, tt = ids()
add("delete-with-to-tag-only", "delete with call-id and to-tag only, then query.",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, tt, sdp_=BOB),
     req("delete", cid, tt=tt), req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("delete-with-callee-from-tag", "delete with from-tag = callee tag (Kamailio BYE from callee), then query.",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, tt, sdp_=BOB),
     req("delete", cid, tt), req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("delete-with-via-branch", "delete with call-id, from-tag and via-branch, then query.",
    [dict(req("offer", cid, ft, sdp_=ALICE), **{"via-branch": "z9hG4bK-x1"}),
     req("answer", cid, ft, tt, sdp_=BOB),
     dict(req("delete", cid, ft), **{"via-branch": "z9hG4bK-x1"}), req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("delete-unknown-call", "delete of an unknown call-id (with and without from-tag).",
    [req("delete", cid, ft), req("delete", cid)])
num, cid, ft, tt = ids()
add("delete-unknown-fatal", "delete of an unknown call-id with flags: [fatal].",
    [dict(req("delete", cid, ft), flags=["fatal"])])
num, cid, ft, tt = ids()
add("delete-wrong-from-tag", "delete with a from-tag not in the call, then with flags [fatal], then query.",
    [req("offer", cid, ft, sdp_=ALICE), req("delete", cid, "nosuchtag"),
     dict(req("delete", cid, "nosuchtag"), flags=["fatal"]), req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("delete-delay-5",
    "delete with delete-delay: 5, query immediately, list, then after 6 s query again.",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, tt, sdp_=BOB),
     dict(req("delete", cid, ft), **{"delete-delay": 5}), req("query", cid), {"command": "list"},
     {"request": req("query", cid), "sleep_before": 6}, {"command": "list"}])
num, cid, ft, tt = ids()
add("delete-delay-space-key",
    "delete with 'delete delay': 5 (space spelling), query immediately, after 6 s query again.",
    [req("offer", cid, ft, sdp_=ALICE),
     dict(req("delete", cid, ft), **{"delete delay": 5}), req("query", cid),
     {"request": req("query", cid), "sleep_before": 6}])
num, cid, ft, tt = ids()
add("offer-only-then-query-delete", "Offer without answer, then query and delete with from-tag.",
    [req("offer", cid, ft, sdp_=ALICE), req("query", cid), req("delete", cid, ft)])

# ------------------------------------------------------------------ 14. errors
num, cid, ft, tt = ids()
add("error-no-command", "Dict without a command key.", [{"call-id": cid, "from-tag": ft}])
add("error-unknown-command", "Unknown command foo.", [{"command": "foo", "call-id": ids()[1]}])
add("error-offer-no-call-id", "Offer without call-id.", [{"command": "offer", "from-tag": "ft", "sdp": ALICE}])
num, cid, ft, tt = ids()
add("error-offer-no-from-tag", "Offer without from-tag.", [req("offer", cid, sdp_=ALICE)])
num, cid, ft, tt = ids()
add("error-offer-no-sdp", "Offer without sdp.", [req("offer", cid, ft)])
num, cid, ft, tt = ids()
add("error-answer-unknown-call", "Answer for an unknown call-id.", [req("answer", cid, ft, tt, sdp_=BOB)])
num, cid, ft, tt = ids()
add("answer-without-to-tag", "Offer, then answer without to-tag, then query and delete.",
    [req("offer", cid, ft, sdp_=ALICE), req("answer", cid, ft, sdp_=BOB), req("query", cid), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-query-unknown-call", "Query of an unknown call-id.", [req("query", cid)])
num, cid, ft, tt = ids()
add("error-query-no-call-id", "Query without call-id.", [{"command": "query"}])
num, cid, ft, tt = ids()
add("error-sdp-no-m-line", "Offer SDP without any m= line, then delete (in case a call was created).",
    [req("offer", cid, ft, sdp_=sdp(*ALICE_HDR, "a=sendrecv")), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-garbage-c", "Offer with c=IN IP4 not.an.ip, then delete.",
    [req("offer", cid, ft, sdp_=alice(hdr=ALICE_HDR[:3] + ["c=IN IP4 not.an.ip", "t=0 0"])), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-no-c-line", "Offer with no c= line anywhere, then delete.",
    [req("offer", cid, ft, sdp_=alice(hdr=ALICE_HDR[:3] + ["t=0 0"])), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-garbage-port", "Offer with m=audio abc RTP/AVP 0, then delete.",
    [req("offer", cid, ft, sdp_=sdp(*ALICE_HDR, "m=audio abc RTP/AVP 0", "a=rtpmap:0 PCMU/8000")), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-hello", "Offer whose sdp is just 'hello', then delete.",
    [req("offer", cid, ft, sdp_="hello"), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-missing-v", "Offer SDP without the v= line, then delete.",
    [req("offer", cid, ft, sdp_=sdp(*ALICE_HDR[1:], *ALICE_AUDIO, "a=sendrecv")), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-empty-string", "Offer with sdp: '' (empty string), then delete.",
    [req("offer", cid, ft, sdp_=""), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-sdp-integer", "Offer with sdp given as an integer, then delete.",
    [req("offer", cid, ft, sdp_=12345), req("delete", cid)])
num, cid, ft, tt = ids()
add("error-call-id-list", "Offer with call-id given as a list.",
    [{"command": "offer", "call-id": [cid], "from-tag": ft, "sdp": ALICE}])
num, cid, ft, tt = ids()
add("flags-as-string", "Offer with flags given as a string instead of a list, then delete.",
    [req("offer", cid, ft, sdp_=ALICE, flags="trust-address"), req("delete", cid)])
num, cid, ft, tt = ids()
add("unknown-flags-and-keys", "Offer with unknown flag words and unknown keys (must be ignored), then delete.",
    [req("offer", cid, ft, sdp_=ALICE, flags=["no-such-flag", "another-unknown"],
         **{"x-unknown-key": "value", "record-call": "no", "metadata": "a=b"}), req("delete", cid)])
add("ping", "ping.", [{"command": "ping"}])
add("ping-extra-keys", "ping with extra keys.",
    [{"command": "ping", "call-id": "golden-ping", "supports": ["load limit"], "flags": ["x"]}])
add("statistics", "statistics command (shape only; values are environment dependent).", [{"command": "statistics"}])
add("command-case-sensitivity", "Command spelled in upper case (OFFER/PING).",
    [{"command": "PING"}, {"command": "Ping"}])


# ------------------------------------------------------------------ 14b. large requests (issue 11)
# A browser's audio+video offer (5.5 KB) and a 30 KB one: both exceed the 2 KB a default UDP read
# takes; rtpengine 10.5 answers them like any other.
import os
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "sdp",
                       "browser-audio-video-offer.sdp"), newline="") as f:
    BROWSER_OFFER = f.read()
BROWSER_ANSWER = sdp("v=0", "o=- 1 2 IN IP4 198.51.100.20", "s=-", "t=0 0",
                     "m=audio 7000 RTP/AVPF 111 126", "c=IN IP4 198.51.100.20", "a=mid:0",
                     "a=rtpmap:111 opus/48000/2", "a=rtcp-fb:111 transport-cc", "a=fmtp:111 minptime=10;useinbandfec=1",
                     "a=rtpmap:126 telephone-event/8000", "a=sendrecv",
                     "m=video 7002 RTP/AVPF 96 97", "c=IN IP4 198.51.100.20", "a=mid:1",
                     "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
                     "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=sendrecv")
oa("browser-sized-offer", "A browser's audio+video offer (5.5 KB: extmap, ssrc, rtcp-fb, 23 video formats), ICE=remove; answer; delete.",
   offer_sdp=BROWSER_OFFER, answer_sdp=BROWSER_ANSWER,
   offer_extra={"ICE": "remove"}, answer_extra={"ICE": "remove"})
RTCP_FB = sdp("v=0", "o=a 1 1 IN IP4 192.0.2.1", "s=-", "t=0 0", "a=group:LS 0", "a=group:BUNDLE 0",
              "m=audio 5000 RTP/AVPF 0 8 96", "c=IN IP4 192.0.2.1", "a=rtcp-fb:* nack", "a=mid:0",
              "a=rtcp-fb:8 nack pli", "a=rtpmap:96 opus/48000/2", "a=rtcp-fb:96 transport-cc",
              "a=rtcp-fb:0 ccm fir", "a=fmtp:96 x=1")
offer_only("rtcp-fb-follow-codec", "rtcp-fb:PT lines move after their codec's rtpmap/fmtp, rtcp-fb:* stays, "
           "group:BUNDLE is dropped, group:LS kept; codec-strip PCMA takes its rtcp-fb along.",
           offer_sdp=RTCP_FB, extra={"ICE": "remove", "codec": {"strip": ["PCMA"]}})
PAD = ["a=x-pad-%04d:%s" % (i, "p" * 40) for i in range(560)]
offer_only("offer-30kb", "A 30 KB offer (560 unknown attributes pass through in order); delete.",
           offer_sdp=sdp(*ALICE_HDR, *ALICE_AUDIO, *PAD, "a=sendrecv"))

# ------------------------------------------------------------------ 15. raw datagrams
def hx(b):
    return b.hex()


raw = [
    {"note": "no space (cookie only)", "datagram_hex": hx(b"rawcookie1")},
    {"note": "empty datagram", "datagram_hex": ""},
    {"note": "cookie + string 5:hello", "datagram_hex": hx(b"rawcookie3 5:hello")},
    {"note": "cookie + empty list le", "datagram_hex": hx(b"rawcookie4 le")},
    {"note": "cookie + truncated dict d3:foo", "datagram_hex": hx(b"rawcookie5 d3:foo")},
    {"note": "cookie + JSON body", "datagram_hex": hx(b'rawcookie6 {"command":"ping"}')},
    {"note": "cookie + undecodable text abc def", "datagram_hex": hx(b"rawcookie7 abc def")},
    {"note": "cookie + valid ping", "datagram_hex": hx(b"rawcookie8 d7:command4:pinge")},
    {"note": "cookie + empty dict de", "datagram_hex": hx(b"rawcookie9 de")},
    {"note": "cookie + space only (empty body)", "datagram_hex": hx(b"rawcookie10 ")},
    {"note": "cookie + valid ping + trailing garbage", "datagram_hex": hx(b"rawcookie11 d7:command4:pingexyz")},
    {"note": "same cookie as rawcookie8 but an unknown command: reply cache by cookie", "datagram_hex": hx(b"rawcookie8 d7:command3:fooe")},
    {"note": "cookie + integer body", "datagram_hex": hx(b"rawcookie12 i42e")},
    {"note": "two spaces between cookie and body", "datagram_hex": hx(b"rawcookie13  d7:command4:pinge")},
    {"note": "JSON body, unknown command", "datagram_hex": hx(b'rawcookie14 {"command":"foo"}')},
    {"note": "JSON body, truncated", "datagram_hex": hx(b'rawcookie15 {"command":')},
    {"note": "JSON body, array", "datagram_hex": hx(b'rawcookie16 ["ping"]')},
    {"note": "JSON offer (creates call golden-raw-json)", "datagram_hex": hx(("rawcookie17 " + json.dumps(
        {"command": "offer", "call-id": "golden-raw-json", "from-tag": "ft-raw", "sdp": ALICE,
         "flags": ["trust-address"], "replace": ["origin"]})).encode())},
    {"note": "JSON query of golden-raw-json", "datagram_hex": hx(b'rawcookie18 {"command":"query","call-id":"golden-raw-json"}')},
    {"note": "JSON delete of golden-raw-json", "datagram_hex": hx(b'rawcookie19 {"command":"delete","call-id":"golden-raw-json"}')},
    {"note": "bencode list (not dict) with a ping inside", "datagram_hex": hx(b"rawcookie20 ld7:command4:pingee")},
    {"note": "dict with integer value for command", "datagram_hex": hx(b"rawcookie21 d7:commandi1ee")},
    {"note": "cookie containing only digits", "datagram_hex": hx(b"12345 d7:command4:pinge")},
]

print(json.dumps({"cases": cases, "raw_cases": raw}, indent=1, ensure_ascii=False))
