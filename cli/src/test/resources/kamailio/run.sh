#!/usr/bin/env bash
# One interop run: ngrelay + Kamailio (rtpengine module) + sipp UAS and UAC on 127.0.0.1, every
# process started here and stopped by PID. Prints "RESULT key=value" lines for the test to check.
#   run.sh VARIANT CALLS CONCURRENCY      (VARIANT: MANAGE EXPLICIT RECORD STARTREC)
# Environment: NGRELAY_JAR (required), WORK (a fresh directory), BASE_PORT (default 25000; the run
# uses BASE_PORT..BASE_PORT+6999, which should stay below the kernel's ephemeral range, 32768).
set -uo pipefail
variant=$1 calls=$2 concurrency=$3
here="$(cd "$(dirname "$0")" && pwd)"
work=${WORK:?WORK must name a directory}
base=${BASE_PORT:-25000}
ng_port=$((base + 1)) sip_port=$((base + 60)) uas_port=$((base + 90)) uac_port=$((base + 70))
relay_min=$((base + 1000)) relay_max=$((base + 1999))
uac_media=$((base + 3000)) uas_media=$((base + 5000))
talk_ms=${TALK_MS:-3500}
mkdir -p "$work/rec"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
}
trap cleanup EXIT

ng() { # ng JSON-DICT -> prints the decoded reply as JSON (stdlib only)
  python3 - "$ng_port" "$1" <<'PY'
import json, os, socket, sys
def enc(o):
    if isinstance(o, int): return b'i%de' % o
    if isinstance(o, str): o = o.encode()
    if isinstance(o, bytes): return b'%d:%s' % (len(o), o)
    if isinstance(o, list): return b'l' + b''.join(enc(x) for x in o) + b'e'
    return b'd' + b''.join(enc(k) + enc(v) for k, v in sorted(o.items())) + b'e'
def dec(b, i=0):
    c = b[i:i+1]
    if c == b'i':
        j = b.index(b'e', i); return int(b[i+1:j]), j + 1
    if c in (b'l', b'd'):
        i += 1; out = [] if c == b'l' else {}
        while b[i:i+1] != b'e':
            if c == b'l':
                v, i = dec(b, i); out.append(v)
            else:
                k, i = dec(b, i); v, i = dec(b, i); out[k] = v
        return out, i + 1
    j = b.index(b':', i); n = int(b[i:j]); return b[j+1:j+1+n].decode('latin-1'), j + 1 + n
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
cookie = os.urandom(6).hex().encode()
s.sendto(cookie + b' ' + enc(json.loads(sys.argv[2])), ('127.0.0.1', int(sys.argv[1])))
try:
    data = s.recv(65535)
    print(json.dumps(dec(data[data.index(b' ') + 1:])[0]))
except socket.timeout:
    print('null')
PY
}

# 3 s of PCMU silence for sipp's rtp_stream (raw mu-law, 8000 bytes a second)
head -c 24000 /dev/zero | tr '\0' '\377' > "$work/audio.ulaw"
sed -e "s/@SIP_PORT@/$sip_port/; s/@NG_PORT@/$ng_port/; s/@UAS_PORT@/$uas_port/" "$here/kamailio.cfg" > "$work/kamailio.cfg"
for s in uac uas; do
  sed -e "s#@AUDIO@#$work/audio.ulaw#; s/@TALK_MS@/$talk_ms/" "$here/$s.xml" > "$work/$s.xml"
done

java -jar "$NGRELAY_JAR" --config-file=none --interface=127.0.0.1 --listen-ng=127.0.0.1:$ng_port \
  --port-min=$relay_min --port-max=$relay_max --delete-delay=0 --recording-dir="$work/rec" \
  --log-level=6 --log-stderr > "$work/ngrelay.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  [ "$(ng '{"command":"ping"}')" = '{"result": "pong"}' ] && break
  sleep 0.25
done

tshark -i lo -f "udp and (portrange $relay_min-$relay_max or port $ng_port or portrange $uac_media-$((uac_media+1999)) or portrange $uas_media-$((uas_media+1999)))" \
  -w "$work/capture.pcapng" -q > "$work/tshark.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do grep -q "Capturing on" "$work/tshark.log" 2>/dev/null && break; sleep 0.25; done
sleep 0.5

kamailio -f "$work/kamailio.cfg" -A "$variant" -DD -E -w "$work" -Y "$work" -P "$work/kamailio.pid" -m 64 -M 8 \
  > "$work/kamailio.log" 2>&1 &
pids+=($!)
sleep 1.5

(cd "$work" && exec timeout 120 sipp -sf "$work/uas.xml" -i 127.0.0.1 -p $uas_port -mi 127.0.0.1 -mp $uas_media \
  -m "$calls" -nostdin -trace_err -timeout 110s > "$work/uas.out" 2>&1) &
uas_pid=$!
pids+=($uas_pid)
sleep 0.5
(cd "$work" && exec timeout 120 sipp -sf "$work/uac.xml" 127.0.0.1:$sip_port -i 127.0.0.1 -p $uac_port -mi 127.0.0.1 \
  -mp $uac_media -m "$calls" -l "$concurrency" -r 5 -nostdin -trace_err -trace_stat -stf "$work/uac.csv" -timeout 110s \
  > "$work/uac.out" 2>&1)
uac_rc=$?
wait "$uas_pid"; uas_rc=$?
sleep 1
echo "RESULT uac_exit=$uac_rc"
echo "RESULT uas_exit=$uas_rc"
echo "RESULT calls_left=$(ng '{"command":"list"}' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["calls"]))')"
echo "RESULT relay_ports_bound=$(ss -Hunp "sport >= :$relay_min and sport <= :$relay_max" | grep -c "pid=${pids[0]},")"

kill -INT "${pids[1]}" 2>/dev/null   # tshark: finish the file
for _ in $(seq 1 20); do kill -0 "${pids[1]}" 2>/dev/null || break; sleep 0.25; done

# Media: sipp streams from its media port range; ngrelay's ports are relay_min..relay_max.
tshark -r "$work/capture.pcapng" -Y "udp && !(udp.port==$ng_port)" -T fields -e udp.srcport -e udp.dstport 2>/dev/null |
python3 -c '
import sys
rmin, rmax, uac, uas = map(int, sys.argv[1:5])
relay = lambda p: rmin <= p <= rmax
side = lambda p: "uac" if uac <= p < uac + 2000 else "uas" if uas <= p < uas + 2000 else None
c = dict(uac_sent=0, uas_received=0, uas_sent=0, uac_received=0, direct=0)
for line in sys.stdin:
    s, d = map(int, line.split())
    if side(s) == "uac" and relay(d): c["uac_sent"] += 1
    elif relay(s) and side(d) == "uas": c["uas_received"] += 1
    elif side(s) == "uas" and relay(d): c["uas_sent"] += 1
    elif relay(s) and side(d) == "uac": c["uac_received"] += 1
    elif side(s) and side(d): c["direct"] += 1
for k, v in c.items(): print("RESULT %s=%d" % (k, v))
' $relay_min $relay_max $uac_media $uas_media

# ng replies: every one must be ok or pong
tshark -r "$work/capture.pcapng" -Y "udp.srcport==$ng_port" -T fields -e data 2>/dev/null | python3 -c '
import sys
ok = bad = 0
for line in sys.stdin:
    body = bytes.fromhex(line.strip())
    body = body[body.index(b" ") + 1:]
    if b"6:result2:ok" in body or b"6:result4:pong" in body: ok += 1
    else:
        bad += 1; print("BAD-NG-REPLY", body[:200], file=sys.stderr)
print("RESULT ng_ok=%d" % ok); print("RESULT ng_bad=%d" % bad)'

echo "RESULT pcaps=$(find "$work/rec/pcaps" -name '*.pcap' -size +24c 2>/dev/null | wc -l)"
echo "RESULT metadata=$(find "$work/rec/metadata" -name '*.txt' 2>/dev/null | wc -l)"
