# rtpengine 10.5 started as: rtpengine --config-file=none --table=-1 --foreground --log-stderr --interface=127.0.0.1 --listen-ng=127.0.0.1:27590 -m 27500 -M 27580 -L 7
# then: python3 rtcp-quality.py > rtpengine-10.5-output.txt (ng.py beside it)
from ng import *
import time, re, struct, json

def sdp(port): return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n" % port
A = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); A.bind(("127.0.0.1", 27400))
Ar = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); Ar.bind(("127.0.0.1", 27401))
B = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); B.bind(("127.0.0.1", 27402))
Br = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); Br.bind(("127.0.0.1", 27403))
o = udp(27590, {"command":"offer","call-id":"q1","from-tag":"a","sdp":sdp(27400)})
pB = int(re.search(r"m=audio (\d+)", o["sdp"]).group(1))
a = udp(27590, {"command":"answer","call-id":"q1","from-tag":"a","to-tag":"b","sdp":sdp(27402)})
pA = int(re.search(r"m=audio (\d+)", a["sdp"]).group(1))
for i in range(50):
    if i in (10, 11, 30): continue
    A.sendto(struct.pack(">BBHII", 0x80, 0, i, i*160, 0x11111111) + b"\xff"*160, ("127.0.0.1", pA))
    B.sendto(struct.pack(">BBHII", 0x80, 0, i, i*160, 0x22222222) + b"\xff"*160, ("127.0.0.1", pB))
    time.sleep(0.02)
# RR from A about SSRC 0x22222222: fraction lost 25 (10%), cumulative 3, ext hi seq 49, jitter 80, lsr 0, dlsr 0
def rr(sender, about, frac, cum, hi, jitter, lsr, dlsr):
    return struct.pack(">BBHI", 0x81, 201, 7, sender) + struct.pack(">IB", about, frac) + cum.to_bytes(3,"big") + struct.pack(">IIII", hi, jitter, lsr, dlsr)
def sr(sender, ntp_hi, ntp_lo, rtpts, pk, oc):
    return struct.pack(">BBHI", 0x80, 200, 6, sender) + struct.pack(">IIIII", ntp_hi, ntp_lo, rtpts, pk, oc)
import time
# both parties send an SR, then an RR about the other's SSRC whose LSR names that SR (10.5 drops an RR
# whose LSR matches no SR it saw: "No payload type known for RTCP RR, discarding"), twice, 1.4 s apart
for k in range(2):
    Br.sendto(sr(0x22222222, 0xe0001234 + k, 0x56780000, 8000, 47, 47*160), ("127.0.0.1", pB+1))
    Ar.sendto(sr(0x11111111, 0xe0005678 + k, 0x12340000, 8000, 47, 47*160), ("127.0.0.1", pA+1))
    time.sleep(0.2)
    lsrB = (((0xe0001234 + k) << 16) | 0x5678) & 0xffffffff
    lsrA = (((0xe0005678 + k) << 16) | 0x1234) & 0xffffffff
    Ar.sendto(rr(0x11111111, 0x22222222, 25, 3, 49, 80, lsrB, 6554), ("127.0.0.1", pA+1))
    Br.sendto(rr(0x22222222, 0x11111111, 12, 1, 49, 160, lsrA, 6554), ("127.0.0.1", pB+1))
    time.sleep(1.2)
q = udp(27590, {"command":"query","call-id":"q1"})
print(json.dumps(q.get("SSRC"), indent=1, default=str))
d = udp(27590, {"command":"delete","call-id":"q1","from-tag":"a"})
print(json.dumps(d, indent=1, default=str))
s = udp(27590, {"command":"statistics"})["statistics"]
print(s.get("mos"))
