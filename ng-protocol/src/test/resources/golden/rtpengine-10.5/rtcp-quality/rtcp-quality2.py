# Compound RTCP, XR, LSR 0 / unmatched LSR, garbage RTCP, metrics and list sessions
from ng import *
import time, re, struct, json, sys, urllib.request, subprocess
NG = int(sys.argv[1]); HTTP = int(sys.argv[2]); CLI = int(sys.argv[3]); BASE = int(sys.argv[4])
def sdp(port): return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio %d RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n" % port
def socks(base):
    out = []
    for i in range(4):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", base + i)); s.settimeout(0.5); out.append(s)
    return out
def call(cid, base):
    A, Ar, B, Br = socks(base)
    o = udp(NG, {"command":"offer","call-id":cid,"from-tag":"a","sdp":sdp(base)})
    pB = int(re.search(r"m=audio (\d+)", o["sdp"]).group(1))
    a = udp(NG, {"command":"answer","call-id":cid,"from-tag":"a","to-tag":"b","sdp":sdp(base+2)})
    pA = int(re.search(r"m=audio (\d+)", a["sdp"]).group(1))
    return A, Ar, B, Br, pA, pB
def rtp(A, B, pA, pB, n, sa, sb, pt=8):
    for i in range(n):
        A.sendto(struct.pack(">BBHII", 0x80, pt, i, i*160, sa) + b"\xd5"*160, ("127.0.0.1", pA))
        B.sendto(struct.pack(">BBHII", 0x80, pt, i, i*160, sb) + b"\xd5"*160, ("127.0.0.1", pB))
        time.sleep(0.005)
def block(about, frac, cum, hi, jitter, lsr, dlsr):
    return struct.pack(">IB", about, frac) + cum.to_bytes(3,"big") + struct.pack(">IIII", hi, jitter, lsr, dlsr)
def sr(sender, ntp_hi, ntp_lo, blocks=b"", rc=0):
    body = struct.pack(">IIIII", ntp_hi, ntp_lo, 8000, 47, 47*160) + blocks
    return struct.pack(">BBHI", 0x80 | rc, 200, (len(body) + 8) // 4 - 1, sender) + body
def rr(sender, blocks, rc):
    return struct.pack(">BBHI", 0x80 | rc, 201, (len(blocks) + 8) // 4 - 1, sender) + blocks
def sdes(sender):
    item = b"\x01\x05hello\x00\x00\x00\x00"  # CNAME + end + pad to 4
    body = struct.pack(">I", sender) + item
    return struct.pack(">BBH", 0x81, 202, len(body) // 4) + body
def xr_vm(sender, about, rtd):
    # RFC 3611 VoIP metrics block (BT 7, length 8): round trip delay at offset 12 of the block body
    vm = struct.pack(">BBH", 7, 0, 8) + struct.pack(">I", about) + bytes([10, 0, 0, 0]) + struct.pack(">HHHH", 0, 0, rtd, 0) + bytes(16)
    body = struct.pack(">I", sender) + vm
    return struct.pack(">BBH", 0x80, 207, len(body) // 4) + body
def drain(s):
    n = 0
    try:
        while True: s.recv(2000); n += 1
    except Exception: pass
    return n
out = {}
# q2: compound SR(with report block)+SDES each way, twice; then an RR with LSR 0 and one with an unknown LSR
A, Ar, B, Br, pA, pB = call("q2", BASE)
SA, SB = 0x33333333, 0x44444444
rtp(A, B, pA, pB, 40, SA, SB)
for k in range(3):
    lsrB = (((0xe0001000 + k - 1) << 16) | 0x5000) & 0xffffffff if k else 0
    lsrA = (((0xe0002000 + k - 1) << 16) | 0x6000) & 0xffffffff if k else 0
    Br.sendto(sr(SB, 0xe0001000 + k, 0x50000000, block(SA, 51, 7, 39, 240, lsrA, 13107 if k else 0), 1) + sdes(SB), ("127.0.0.1", pB+1))
    time.sleep(0.3)
    Ar.sendto(sr(SA, 0xe0002000 + k, 0x60000000, block(SB, 3, 2, 39, 40, lsrB, 6554 if k else 0), 1) + sdes(SA), ("127.0.0.1", pA+1))
    time.sleep(1.1)
Ar.sendto(rr(SA, block(SB, 100, 9, 39, 400, 0, 0), 1), ("127.0.0.1", pA+1))
time.sleep(1.1)
Ar.sendto(rr(SA, block(SB, 100, 9, 39, 400, 0x12345678, 100), 1), ("127.0.0.1", pA+1))
time.sleep(0.1)
out["q2 query SSRC"] = udp(NG, {"command":"query","call-id":"q2"}).get("SSRC")
# q3: XR VoIP metrics RTT, then RRs; and garbage RTCP relayed?
A3, Ar3, B3, Br3, pA3, pB3 = call("q3", BASE + 10)
SC, SD = 0x55555555, 0x66666666
rtp(A3, B3, pA3, pB3, 40, SC, SD, pt=0)
Br3.sendto(sr(SD, 0xe0003000, 0x70000000), ("127.0.0.1", pB3+1))
Ar3.sendto(sr(SC, 0xe0004000, 0x80000000), ("127.0.0.1", pA3+1))
time.sleep(0.25)
Ar3.sendto(rr(SC, block(SD, 0, 0, 39, 16, ((0xe0003000 << 16) | 0x7000) & 0xffffffff, 6554), 1) + xr_vm(SC, SD, 150), ("127.0.0.1", pA3+1))
Br3.sendto(xr_vm(SD, SC, 150) + rr(SD, block(SC, 0, 0, 39, 16, ((0xe0004000 << 16) | 0x8000) & 0xffffffff, 6554), 1), ("127.0.0.1", pB3+1))
time.sleep(0.2)
drain(Br3); drain(Ar3)
garbage = [b"\x80\xc8\x00\x06\x11", b"\x80\xc9\x00\x40" + b"\x00" * 20, b"\x81\xc9\x00\x01\x12\x34\x56\x78", b"\x40\xc8\x00\x01\x00\x00\x00\x00", b"\x80\xcc\x00\x01abcd"]
for g in garbage:
    Ar3.sendto(g, ("127.0.0.1", pA3+1))
time.sleep(0.3)
out["q3 garbage relayed"] = drain(Br3)
out["q3 query SSRC"] = udp(NG, {"command":"query","call-id":"q3"}).get("SSRC")
q3 = udp(NG, {"command":"query","call-id":"q3"})
out["q3 a rtcp stats"] = [s["stats"] for s in q3["tags"]["a"]["medias"][0]["streams"]]
out["list sessions q2"] = subprocess.run(["rtpengine-ctl", "-ip", "127.0.0.1", "-port", str(CLI), "list", "sessions", "q2"], capture_output=True, text=True).stdout
for c in ("q2", "q3"): udp(NG, {"command":"delete","call-id":c,"from-tag":"a"})
out["statistics mos"] = udp(NG, {"command":"statistics"})["statistics"].get("mos")
m = urllib.request.urlopen("http://127.0.0.1:%d/metrics" % HTTP).read().decode()
out["metrics"] = [l for l in m.splitlines() if re.search(r"mos|jitter|rtt|packetloss|packets_lost", l)]
print(json.dumps(out, indent=1, default=str))
