#!/usr/bin/env bash
# Side by side: the same load points against Debian's rtpengine 10.5 (userspace, --table=-1, one
# thread) and ngrelay (one media thread), each pinned to the same core with the generator on the
# other, in one run; prints both daemons' figures and the ratios against the performance targets.
# A third column is the floor: bench/src/main/c/floor.c, a relay with no logic and no ng (one
# recvfrom and one sendto per packet), measured the same way, i.e. what the kernel leaves for any
# userspace relay on this machine.
#
#   bench/side-by-side.sh                 # every point (about 16 minutes)
#   POINTS="fixed control" bench/side-by-side.sh
#   POINTS="fixed srtp" bench/side-by-side.sh   # plain, then plain <-> SDES SRTP, same run
#
# Points: fixed (CALLS plain calls), ramp, control, and srtp: SRTP_CALLS calls bridged plain <->
# SDES SRTP_SUITE, the callee leg SRTP through libsrtp2 in the generator, measured as fixed is
# (not for the floor relay, which has no SRTP).
#
# Settings (environment): DAEMON_CPU=1 GEN_CPU=0, CALLS=1000 (the fixed point), DURATION=10 and
# WARMUP=5 seconds per point, REPEAT=3 (fixed, srtp and control points, median reported),
# SRTP_CALLS=500, SRTP_SUITE=AES_CM_128_HMAC_SHA1_80,
# RAMP=START:STEP:MAX (500:100:3000), CONTROL=10 seconds,
# PORT_MIN/PORT_MAX (30000/49999), NGRELAY_JAVA_OPTS (JVM options added to bin/ngrelay's
# defaults), DAEMONS="rtpengine ngrelay floor", OUT=directory for logs and results.
# Needs: rtpengine-daemon (apt-get install -y rtpengine-daemon), gcc, libsrtp2-dev (the generator
# links libsrtp2 for the srtp point), Java 17, Maven.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

DAEMON_CPU=${DAEMON_CPU:-1}
GEN_CPU=${GEN_CPU:-0}
CALLS=${CALLS:-1000}
# 500, not CALLS: the generator's libsrtp2 (NSS underneath) costs about 10-18 µs per protect +
# unprotect with hundreds of sessions, so 1000 SRTP calls would take more than its core.
SRTP_CALLS=${SRTP_CALLS:-500}
SRTP_SUITE=${SRTP_SUITE:-AES_CM_128_HMAC_SHA1_80}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
RAMP=${RAMP:-500:100:3000}
CONTROL=${CONTROL:-10}
PORT_MIN=${PORT_MIN:-30000}
PORT_MAX=${PORT_MAX:-49999}
POINTS=${POINTS:-fixed ramp control}
REPEAT=${REPEAT:-3}
DAEMONS=${DAEMONS:-rtpengine ngrelay floor}
OUT=${OUT:-$(mktemp -d /tmp/ngrelay-bench.XXXXXX)}
mkdir -p "$OUT"

command -v rtpengine >/dev/null || { echo "rtpengine is not installed: apt-get install -y rtpengine-daemon" >&2; exit 1; }
if [ ! -f cli/target/ngrelay.jar ] || [ ! -f bench/target/ngrelay-bench.jar ]; then
  mvn -q -B -DskipTests package
fi
[ -f /usr/include/srtp2/srtp.h ] || { echo "libsrtp2-dev is not installed: apt-get install -y libsrtp2-dev" >&2; exit 1; }
gcc -O2 -Wall -Wextra -Werror $(pkg-config --cflags nss) -o bench/target/rtpgen bench/src/main/c/rtpgen.c -lsrtp2 -lnss3
gcc -O2 -Wall -Wextra -Werror -o bench/target/floor bench/src/main/c/floor.c

rt=(); [ "$(id -u)" = 0 ] && rt=(--realtime)
load() { taskset -c "$GEN_CPU" java -jar bench/target/ngrelay-bench.jar "${rt[@]}" "$@"; }
pid=
stop_daemon() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  pid=
}
trap stop_daemon EXIT

start_daemon() { # name ngport
  local name=$1 port=$2
  case $name in
    rtpengine)
      taskset -c "$DAEMON_CPU" rtpengine --config-file=none --table=-1 --interface=127.0.0.1 \
        --listen-ng=127.0.0.1:"$port" --port-min="$PORT_MIN" --port-max="$PORT_MAX" --num-threads=1 \
        --delete-delay=0 --foreground --log-stderr --log-level=4 >"$OUT/$name.log" 2>&1 &
      ;;
    ngrelay)
      JAVA_OPTS="${NGRELAY_JAVA_OPTS:-}" taskset -c "$DAEMON_CPU" bin/ngrelay --config-file=none --interface=127.0.0.1 \
        --listen-ng=127.0.0.1:"$port" --port-min="$PORT_MIN" --port-max="$PORT_MAX" --num-threads=1 \
        --delete-delay=0 --log-stderr --log-level=4 >"$OUT/$name.log" 2>&1 &
      ;;
    floor)
      taskset -c "$DAEMON_CPU" bench/target/floor "$PORT_MIN" "$(( CALLS > ${RAMP##*:} ? CALLS : ${RAMP##*:} ))" >"$OUT/$name.log" 2>&1 &
      ;;
  esac
  pid=$!
  if [ "$name" = floor ]; then
    for _ in $(seq 50); do grep -q "^floor:" "$OUT/$name.log" 2>/dev/null && break; sleep 0.1; done
  else
    load --ng 127.0.0.1:"$port" --ping 15 >/dev/null
  fi
}

# Point by point, daemons alternating, a fresh daemon each time; the fixed, srtp and control points
# are measured REPEAT times and the median is reported (the machine's own noise is about 10 %).
for point in $POINTS; do
  reps=$REPEAT; [ "$point" = ramp ] && reps=1
  for rep in $(seq "$reps"); do
    for d in $DAEMONS; do
      [ "$point" = control ] && [ "$d" = floor ] && continue  # the floor has no control plane
      [ "$point" = srtp ] && [ "$d" = floor ] && continue     # nor SRTP
      port=12222; [ "$d" = rtpengine ] && port=12223
      start_daemon "$d" "$port"
      common=(--ng 127.0.0.1:"$port" --pid "$pid" --label "$d")
      [ "$d" = floor ] && common+=(--floor "$PORT_MIN")
      # An uncounted warm-up of the same kind (the JVM compiles its hot paths in it; rtpengine
      # does not need it but gets the same).
      if [ "$point" = control ]; then
        load "${common[@]}" --control 20 >/dev/null || true
        load "${common[@]}" --control "$CONTROL" | tee -a "$OUT/$d.control.txt" || true
      elif [ "$point" = srtp ]; then
        load "${common[@]}" --srtp "$SRTP_SUITE" --calls "$SRTP_CALLS" --duration 5 --warmup 5 >/dev/null || true
        load "${common[@]}" --srtp "$SRTP_SUITE" --calls "$SRTP_CALLS" --duration "$DURATION" --warmup "$WARMUP" | tee -a "$OUT/$d.srtp.txt" || true
      else
        load "${common[@]}" --calls "$CALLS" --duration 5 --warmup 5 >/dev/null || true
        if [ "$point" = fixed ]; then
          load "${common[@]}" --calls "$CALLS" --duration "$DURATION" --warmup "$WARMUP" | tee -a "$OUT/$d.fixed.txt" || true
        else
          load "${common[@]}" --ramp "$RAMP" --duration "$DURATION" --warmup 2 | tee -a "$OUT/$d.ramp.txt" || true
        fi
      fi
      stop_daemon
    done
  done
done

# The figures table: RESULT lines are key=value.
value() { # file key: the median over the file's valid RESULT lines
  [ -f "$1" ] || { echo nan; return; }
  grep '^RESULT' "$1" | grep 'valid=true' | grep -o " $2=[^ ]*" | cut -d= -f2 | sort -g |
    awk '{v[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'
}
largest() { # file key: the largest value over the file's valid RESULT lines
  [ -f "$1" ] || { echo nan; return; }
  grep '^RESULT' "$1" | grep 'valid=true' | grep -o " $2=[^ ]*" | cut -d= -f2 | sort -g | tail -1 | grep . || echo nan
}
srtp_checked() { # file: "182 ok" when every valid run received only SRTP of the suite's size at the callee
  [ -f "$1" ] || { echo nan; return; }
  local lines; lines=$(grep '^RESULT' "$1" | grep 'valid=true') || { echo nan; return; }
  local len; len=$(grep -o ' srtp_len=[0-9]*' <<<"$lines" | cut -d= -f2 | sort -u | tr '\n' ' ')
  if grep -q ' srtp_ok=0 ' <<<"$lines" || grep -vq ' unexpected=0$' <<<"$lines"; then echo "${len% } NOT-SRTP"; else echo "${len% } ok"; fi
}
sustained() { # file: the ramp's sustained count, ">=N" when the generator's own limit ended the ramp first
  [ -f "$1" ] || { echo nan; return; }
  local line; line=$(grep '^RESULT.*mode=ramp' "$1" | tail -1)
  local n; n=$(grep -o ' sustained_calls=[0-9]*' <<<"$line" | cut -d= -f2)
  [ -n "$n" ] || { echo nan; return; }
  if grep -q 'generator_limit=' <<<"$line"; then echo ">=$n"; else echo "$n"; fi
}
ratio() { # a b: a/b, keeping a leading ">=" of a
  local p=""; case $1 in '>='*) p=">=";; esac
  awk -v a="${1#>=}" -v b="${2#>=}" -v p="$p" 'BEGIN { if (a+0 > 0 && b+0 > 0 && b !~ /^>=/) printf "%s%.2f", p, a / b; else print "n/a" }'
}
R=$OUT/rtpengine; N=$OUT/ngrelay; F=$OUT/floor
{
  echo
  echo "side by side, $(date -u +%Y-%m-%dT%H:%MZ), $(getconf _NPROCESSORS_ONLN) cores, daemon on cpu $DAEMON_CPU, generator on cpu $GEN_CPU"
  printf '%-42s %12s %12s %8s %-16s %12s\n' figure rtpengine ngrelay ratio target "floor (C)"
  printf '%-42s %12s %12s %8s %-16s %12s\n' "sustained calls (loss<=0.5%, p99<=20ms)" "$(sustained $R.ramp.txt)" "$(sustained $N.ramp.txt)" \
    "$(ratio "$(sustained $N.ramp.txt)" "$(sustained $R.ramp.txt)")" ">= 2.0" "$(sustained $F.ramp.txt)"
  printf '%-42s %12s %12s %8s %-16s %12s\n' "CPU us/packet at $CALLS calls" "$(value $R.fixed.txt us_per_pkt)" "$(value $N.fixed.txt us_per_pkt)" \
    "$(ratio "$(value $N.fixed.txt us_per_pkt)" "$(value $R.fixed.txt us_per_pkt)")" "<= 0.7" "$(value $F.fixed.txt us_per_pkt)"
  printf '%-42s %12s %12s %8s %-16s %12s\n' "p99 latency ms at $CALLS calls" "$(value $R.fixed.txt p99_ms)" "$(value $N.fixed.txt p99_ms)" \
    "$(ratio "$(value $N.fixed.txt p99_ms)" "$(value $R.fixed.txt p99_ms)")" "ngrelay < 2 ms" "$(value $F.fixed.txt p99_ms)"
  printf '%-42s %12s %12s %8s %-16s %12s\n' "loss % at $CALLS calls" "$(value $R.fixed.txt loss_pct)" "$(value $N.fixed.txt loss_pct)" "" "0" \
    "$(value $F.fixed.txt loss_pct)"
  if [[ " $POINTS " == *" srtp "* ]]; then
    printf '%-42s %12s %12s %8s %-16s %12s\n' "CPU us/packet (SRTP) at $SRTP_CALLS calls" "$(value $R.srtp.txt us_per_pkt)" "$(value $N.srtp.txt us_per_pkt)" \
      "$(ratio "$(value $N.srtp.txt us_per_pkt)" "$(value $R.srtp.txt us_per_pkt)")" "<= 0.7" "n/a"
    printf '%-42s %12s %12s %8s %-16s %12s\n' "p99 latency ms (SRTP) at $SRTP_CALLS calls" "$(value $R.srtp.txt p99_ms)" "$(value $N.srtp.txt p99_ms)" \
      "$(ratio "$(value $N.srtp.txt p99_ms)" "$(value $R.srtp.txt p99_ms)")" "" "n/a"
    printf '%-42s %12s %12s %8s %-16s %12s\n' "loss % (SRTP) at $SRTP_CALLS calls" "$(value $R.srtp.txt loss_pct)" "$(value $N.srtp.txt loss_pct)" "" "0" "n/a"
    printf '%-42s %12s %12s %8s %-16s %12s\n' "unprotect errors (SRTP), most in a run" "$(largest $R.srtp.txt unprotect_errors)" \
      "$(largest $N.srtp.txt unprotect_errors)" "" "0" "n/a"
    printf '%-42s %12s %12s %8s %-16s %12s\n' "SRTP bytes/packet at the callee, checked" "$(srtp_checked $R.srtp.txt)" "$(srtp_checked $N.srtp.txt)" \
      "" "SRTP only" "n/a"
  fi
  printf '%-42s %12s %12s %8s %-16s %12s\n' "offer+answer+delete per second" "$(value $R.control.txt cycles_per_s)" "$(value $N.control.txt cycles_per_s)" \
    "$(ratio "$(value $N.control.txt cycles_per_s)" "$(value $R.control.txt cycles_per_s)")" "ngrelay >= 5000" "-"
  echo "\">=N\": the generator reached its own limit first (it says so and reports no figure above N)."
  echo "logs and raw results: $OUT"
} | tee "$OUT/summary.txt"
