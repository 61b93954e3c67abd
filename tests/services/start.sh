#!/usr/bin/env bash
# Starts the local services on loopback and waits until each answers:
#   Azurite (Blob 10000, Queue 10001, Table 10002) and the Cosmos DB server (HTTPS 8081, self-signed).
# A service already answering on its port is reused. stop.sh stops what this script started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="$here/.services"
mkdir -p "$state"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name port
  for _ in $(seq 1 150); do
    if answers "$2"; then echo "services: $1 is answering on 127.0.0.1:$2"; return 0; fi
    sleep 0.2
  done
  echo "services: $1 did not answer on 127.0.0.1:$2 within 30 s; its log:" >&2
  tail -n 30 "$state/$1.log" >&2 || true
  return 1
}

start() { # name port command...
  local name="$1" port="$2"; shift 2
  if answers "$port"; then echo "services: $name already answers on 127.0.0.1:$port, reusing it"; return 0; fi
  nohup "$@" >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
  wait_for "$name" "$port"
}

# Azure.Storage.Blobs 12.30 speaks a newer API version than Azurite 3.37 knows, hence --skipApiVersionCheck.
start azurite 10000 "$here/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableTelemetry \
  --inMemoryPersistence --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1
wait_for azurite-queue 10001
wait_for azurite-table 10002
start cosmosdb 8081 "$here/node_modules/.bin/cosmosdb-server" --host 127.0.0.1 --port 8081
