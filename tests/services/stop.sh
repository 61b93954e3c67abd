#!/usr/bin/env bash
# Stops the services start.sh started (those it reused are left alone).
set -uo pipefail
state="$(cd "$(dirname "$0")" && pwd)/.services"
for pidfile in "$state"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null && echo "services: stopped $(basename "$pidfile" .pid)"
  rm -f "$pidfile"
done
