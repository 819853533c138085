#!/bin/sh
# Make sure a Docker Engine answers: install Debian's docker.io + busybox-static when missing, start
# dockerd when `docker info` fails (plain first, then with sandbox-friendly flags), wait until it answers.
# Idempotent; exits non-zero with a message naming what failed and where the daemon log is.
set -u
LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT=${DOCKERD_WAIT_SECONDS:-30}

say() { echo "ensure-docker: $*" >&2; }

if [ -n "${DOCKER_HOST:-}" ] && docker info >/dev/null 2>&1; then
	say "daemon at DOCKER_HOST=$DOCKER_HOST answers"; exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
fi

if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		say "dockerd or /bin/busybox missing and apt-get is not available: install docker.io and busybox-static by hand"; exit 2
	fi
	say "installing docker.io busybox-static with apt-get"
	$SUDO apt-get update -qq >/dev/null 2>&1 || say "apt-get update failed (continuing)"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io busybox-static >/dev/null 2>&1 || {
		say "apt-get install docker.io busybox-static failed: run it by hand and read its output"; exit 2; }
fi
if ! command -v docker >/dev/null 2>&1; then say "docker client missing: install docker.io"; exit 2; fi

answers() { docker info >/dev/null 2>&1; }
wait_for() {
	i=0
	while [ "$i" -lt "$WAIT" ]; do
		answers && return 0
		if [ -n "${PID:-}" ] && ! kill -0 "$PID" 2>/dev/null; then return 1; fi
		sleep 1; i=$((i + 1))
	done
	return 1
}

if answers; then say "daemon answers"; exit 0; fi

# A dockerd that is still starting (or a stale pid file from a killed one) is handled here.
if pgrep -x dockerd >/dev/null 2>&1; then
	say "dockerd is running but not answering yet; waiting"
	PID=""; if wait_for; then exit 0; fi
	say "dockerd runs but does not answer on /var/run/docker.sock; see $LOG"; exit 1
fi
$SUDO rm -f /var/run/docker.pid 2>/dev/null

# Plain first (works on this project's CI box); then flags for sandboxes without iptables/bridges/overlay.
for FLAGS in "" "--iptables=false --ip6tables=false --bridge=none" "--iptables=false --ip6tables=false --bridge=none --storage-driver=vfs"; do
	say "starting dockerd ${FLAGS:-(no extra flags)}; log in $LOG"
	# shellcheck disable=SC2086
	nohup $SUDO dockerd $FLAGS >>"$LOG" 2>&1 &
	PID=$!
	if wait_for; then say "daemon answers (dockerd $FLAGS)"; exit 0; fi
	kill "$PID" 2>/dev/null; sleep 1
	$SUDO rm -f /var/run/docker.pid 2>/dev/null
done
say "could not start dockerd: read $LOG (permissions: run as root or join the docker group)"
exit 1
