#!/bin/sh
# Starts the three userspace-only rtpengine instances capture.py talks to.
# PIDs are written to /tmp/rtpe-golden*.mypid; stop them with: kill $(cat /tmp/rtpe-golden*.mypid)
cd /tmp
rtpengine --config-file=none --table=-1 --interface=127.0.0.1 --listen-ng=127.0.0.1:22230 \
  --port-min=30000 --port-max=31900 --foreground --log-stderr --log-level=7 \
  --pidfile=/tmp/rtpe-golden.pid --delete-delay=0 > /tmp/rtpe-golden.log 2>&1 &
echo $! > /tmp/rtpe-golden.mypid
rtpengine --config-file=none --table=-1 --interface=127.0.0.1 --interface=::1 --listen-ng=127.0.0.1:22231 \
  --port-min=36000 --port-max=37900 --foreground --log-stderr --log-level=7 \
  --pidfile=/tmp/rtpe-golden6.pid --delete-delay=0 > /tmp/rtpe-golden6.log 2>&1 &
echo $! > /tmp/rtpe-golden6.mypid
rtpengine --config-file=none --table=-1 --interface=internal/127.0.0.1 '--interface=external/127.0.0.2!203.0.113.1' \
  --listen-ng=127.0.0.1:22232 --port-min=34000 --port-max=35900 --foreground --log-stderr --log-level=7 \
  --pidfile=/tmp/rtpe-golden-named.pid --delete-delay=0 > /tmp/rtpe-golden-named.log 2>&1 &
echo $! > /tmp/rtpe-golden-named.mypid
sleep 2
