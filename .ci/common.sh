# Helpers the component scripts share; sourced, with LOG_NAME set by the script that sources it.

log() { printf '[%s] %s\n' "$LOG_NAME" "$*" >&2; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  log "gave up waiting for $what"; return 1
}

stop_pid() { # stop_pid FILE [SECONDS]: stop the process whose pid is in FILE and wait until it is gone
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
}
