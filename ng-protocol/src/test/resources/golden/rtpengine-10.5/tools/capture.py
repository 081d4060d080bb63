#!/usr/bin/env python3
"""Capture golden ng request/response pairs from a running rtpengine.

Stdlib only. Reads cases-input.json (next to this script by default), sends
every step of every case to the daemon instance the case names, and writes one
JSON file per case plus raw-cases.json into the output directory.

Expected daemons (started separately, see README.md):
  instance "v4":   --interface=127.0.0.1                    --listen-ng=127.0.0.1:22230
  instance "v4v6": --interface=127.0.0.1 --interface=::1    --listen-ng=127.0.0.1:22231
  instance "named": --interface=internal/127.0.0.1 --interface='external/127.0.0.2!203.0.113.1'
                    --listen-ng=127.0.0.1:22232

Usage:
  capture.py [--input cases-input.json] [--out DIR] [--v4 HOST:PORT] [--v4v6 HOST:PORT]
             [--only NNN[,NNN...]]
"""
import argparse
import json
import os
import random
import socket
import string
import sys
import time


# ---------------------------------------------------------------- bencode

def bencode(obj):
    out = bytearray()
    _enc(obj, out)
    return bytes(out)


def _enc(obj, out):
    if isinstance(obj, bool):
        raise TypeError("bool not encodable")
    if isinstance(obj, int):
        out += b"i%de" % obj
    elif isinstance(obj, (bytes, bytearray)):
        out += b"%d:" % len(obj) + bytes(obj)
    elif isinstance(obj, str):
        b = obj.encode("utf-8")
        out += b"%d:" % len(b) + b
    elif isinstance(obj, list):
        out += b"l"
        for x in obj:
            _enc(x, out)
        out += b"e"
    elif isinstance(obj, dict):
        # insertion order (as Kamailio/OpenSIPS do; rtpengine does not require sorting)
        out += b"d"
        for k, v in obj.items():
            _enc(k, out)
            _enc(v, out)
        out += b"e"
    else:
        raise TypeError("cannot bencode %r" % type(obj))


class BDecodeError(Exception):
    pass


def bdecode(data):
    val, pos = _dec(data, 0)
    if pos != len(data):
        raise BDecodeError("trailing data at %d" % pos)
    return val


def _str(b):
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("latin-1")


def _dec(d, i):
    if i >= len(d):
        raise BDecodeError("truncated")
    c = d[i:i + 1]
    if c == b"i":
        j = d.index(b"e", i)
        return int(d[i + 1:j]), j + 1
    if c == b"l":
        i += 1
        res = []
        while d[i:i + 1] != b"e":
            v, i = _dec(d, i)
            res.append(v)
        return res, i + 1
    if c == b"d":
        i += 1
        res = {}
        while d[i:i + 1] != b"e":
            k, i = _dec(d, i)
            v, i = _dec(d, i)
            res[k if isinstance(k, str) else str(k)] = v
        return res, i + 1
    if c.isdigit():
        j = d.index(b":", i)
        n = int(d[i:j])
        s = d[j + 1:j + 1 + n]
        if len(s) != n:
            raise BDecodeError("truncated string")
        return _str(s), j + 1 + n
    raise BDecodeError("bad byte %r at %d" % (c, i))


# ---------------------------------------------------------------- transport

def new_cookie():
    return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(12))


def send_raw(addr, datagram, timeout):
    fam = socket.AF_INET6 if ":" in addr[0] else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.settimeout(timeout)
    try:
        s.sendto(datagram, addr)
        try:
            data, _ = s.recvfrom(65535)
            return data
        except socket.timeout:
            return None
    finally:
        s.close()


def ng(addr, req, timeout=2.0):
    cookie = new_cookie()
    dg = cookie.encode() + b" " + bencode(req)
    reply = send_raw(addr, dg, timeout)
    if reply is None:
        return None
    rc, sep, body = reply.partition(b" ")
    if rc.decode() != cookie:
        raise RuntimeError("cookie mismatch: %r vs %r" % (rc, cookie))
    return bdecode(body)


def parse_hostport(s):
    host, _, port = s.rpartition(":")
    return (host.strip("[]"), int(port))


# ---------------------------------------------------------------- main

# the --interface values of each daemon instance (recorded as "interfaces" in every case file)
INSTANCE_IFACES = {"v4": ["127.0.0.1"], "v4v6": ["127.0.0.1", "::1"],
                   "named": ["internal/127.0.0.1", "external/127.0.0.2!203.0.113.1"]}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default=os.path.join(here, "cases-input.json"))
    ap.add_argument("--out", default=os.path.join(here, ".."))
    ap.add_argument("--v4", default="127.0.0.1:22230")
    ap.add_argument("--v4v6", default="127.0.0.1:22231")
    ap.add_argument("--named", default="127.0.0.1:22232")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=2.0)
    args = ap.parse_args()

    addrs = {"v4": parse_hostport(args.v4), "v4v6": parse_hostport(args.v4v6),
             "named": parse_hostport(args.named)}
    with open(args.input, encoding="utf-8") as f:
        inp = json.load(f)
    only = set(x for x in args.only.split(",") if x)
    os.makedirs(args.out, exist_ok=True)
    problems = []

    for case in inp["cases"]:
        num = case["id"]
        if only and num not in only:
            continue
        inst = case.get("instance", "v4")
        addr = addrs[inst]
        steps_out = []
        for st in case["steps"]:
            if st.get("sleep_before"):
                time.sleep(st["sleep_before"])
            req = dict(st["request"])
            if "sdp_from_step" in st:
                # use the SDP rtpengine returned in an earlier step of this case
                req["sdp"] = steps_out[st["sdp_from_step"]]["response"]["sdp"]
            resp = ng(addr, req, args.timeout)
            if resp is None:
                problems.append("%s: no reply to %s" % (num, req.get("command")))
            out = {"request": req, "response": resp}
            # Replays need these too: wait where the daemon was given time, and feed back the
            # replaying daemon's own SDP where this one's was fed back.
            for marker in ("sleep_before", "sdp_from_step"):
                if marker in st:
                    out[marker] = st[marker]
            steps_out.append(out)
        desc = case["description"]
        # liveness check after every case
        if ng(addr, {"command": "ping"}, args.timeout) != {"result": "pong"}:
            problems.append("%s: daemon %s did not answer ping after this case" % (num, inst))
            desc += " [DAEMON DID NOT ANSWER PING AFTER THIS CASE]"
        doc = {"description": desc, "interfaces": INSTANCE_IFACES[inst], "steps": steps_out}
        fn = os.path.join(args.out, "%s-%s.json" % (num, case["name"]))
        with open(fn, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print("wrote", fn)

    if not only and inp.get("raw_cases"):
        raw_out = []
        for rc in inp["raw_cases"]:
            inst = rc.get("instance", "v4")
            dg = bytes.fromhex(rc["datagram_hex"])
            reply = send_raw(addrs[inst], dg, 1.0)
            raw_out.append({
                "note": rc.get("note", ""),
                "datagram_hex": rc["datagram_hex"],
                "datagram_text": dg.decode("latin-1"),
                "reply_text": None if reply is None else reply.decode("utf-8", "replace"),
            })
        fn = os.path.join(args.out, "raw-cases.json")
        with open(fn, "w", encoding="utf-8") as f:
            json.dump(raw_out, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print("wrote", fn)

    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)


if __name__ == "__main__":
    main()
