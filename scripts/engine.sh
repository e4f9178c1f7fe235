#!/usr/bin/env bash
# A private Docker engine for dockopt's engine tests and benchmarks: Debian's dockerd (20.10, with
# built-in BuildKit) on its own socket and data root, plus a loopback TCP listener for the
# remote-engine tests, and `busybox:local`, a base image imported from busybox-static (no registry
# is reachable here).
#
#   eval "$(scripts/engine.sh start)"   # prints the exports to use it
#   scripts/engine.sh stop
set -euo pipefail
root=${DOCKOPT_ENGINE_ROOT:-/tmp/dockopt-engine}
sock="$root/docker.sock"
tcp=${DOCKOPT_ENGINE_TCP:-127.0.0.1:23750}
docker_bin=${DOCKOPT_DOCKER:-/usr/bin/docker}

case "${1:-start}" in
  stop)
    [ -f "$root/pid" ] && kill "$(cat "$root/pid")" 2>/dev/null || true
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

if ! [ -x "$docker_bin" ] || ! command -v dockerd >/dev/null || ! [ -x /bin/busybox ]; then
  echo "engine.sh: needs docker.io and busybox-static (apt-get install -y docker.io busybox-static)" >&2
  exit 1
fi
mkdir -p "$root"
if ! DOCKER_HOST="unix://$sock" "$docker_bin" version >/dev/null 2>&1; then
  setsid dockerd --data-root "$root/data" --exec-root "$root/exec" --pidfile "$root/pid" \
    -H "unix://$sock" -H "tcp://$tcp" >"$root/log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    DOCKER_HOST="unix://$sock" "$docker_bin" version >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! DOCKER_HOST="unix://$sock" "$docker_bin" version >/dev/null 2>&1; then
    echo "engine.sh: dockerd did not start; see $root/log" >&2
    tail -20 "$root/log" >&2
    exit 1
  fi
fi
export DOCKER_HOST="unix://$sock"
if ! "$docker_bin" image inspect busybox:local >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  mkdir -p "$tmp/bin" "$tmp/tmp" "$tmp/root" "$tmp/etc"
  cp /bin/busybox "$tmp/bin/busybox"
  for c in $("$tmp/bin/busybox" --list); do [ "$c" = busybox ] || ln -sf busybox "$tmp/bin/$c"; done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/etc/passwd"
  echo 'root:x:0:' > "$tmp/etc/group"
  tar -C "$tmp" -c . | "$docker_bin" import -c 'ENV PATH=/bin' - busybox:local >/dev/null
  rm -rf "$tmp"
fi
echo "export DOCKER_HOST=unix://$sock DOCKOPT_DOCKER=$docker_bin DOCKER_BUILDKIT=1 DOCKOPT_ENGINE_TCP=tcp://$tcp"
