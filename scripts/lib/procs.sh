# Process-group helpers for scripts that start servers; source it from bash.
# Only /proc and bash's builtin kill: a minimal Debian has no procps (ps, pkill, /bin/kill).
#
#   setsid php server.php & leader=$!
#   trap 'stop_group "$leader"' EXIT
#   group_leader_ready "$leader" || fail
#
# Every wait here is bounded.

# Prints "STATE PPID PGRP" of PID from /proc/PID/stat (the command name in
# field 2 may contain spaces and parentheses: parse after the last ')').
proc_stat() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  echo "$1 $2 $3"
}

proc_pgid() { local s; s=$(proc_stat "$1") || return 1; echo "${s##* }"; }

# True while PID runs (a zombie waiting to be reaped counts as gone).
proc_alive() { local s; s=$(proc_stat "$1") || return 1; [ "${s%% *}" != Z ]; }

# True while any process of process group PGID runs (zombies do not count).
group_alive() {
  local pgid=$1 f s
  for f in /proc/[0-9]*; do
    s=$(proc_stat "${f#/proc/}") || continue
    # shellcheck disable=SC2086
    set -- $s
    [ "$3" = "$pgid" ] && [ "$1" != Z ] && return 0
  done
  return 1
}

# Waits (at most ~5 s) until PID, started as `setsid cmd &`, leads its own
# process group (setsid(2) runs in the child after fork, so right after `&`
# it may still be in ours). Non-zero if it never does or has exited.
group_leader_ready() {
  local pid=$1 i
  for ((i = 0; i < 100; i++)); do
    [ "$(proc_pgid "$pid")" = "$pid" ] && return 0
    proc_alive "$pid" || return 1
    sleep 0.05
  done
  return 1
}

# The pids of every descendant of PID (by the parent links in /proc).
proc_descendants() {
  local root=$1 f s pid cur
  local -A parent=()
  for f in /proc/[0-9]*; do
    pid=${f#/proc/}
    s=$(proc_stat "$pid") || continue
    # shellcheck disable=SC2086
    set -- $s
    parent[$pid]=$2
  done
  local -a todo=("$root") out=()
  while [ ${#todo[@]} -gt 0 ]; do
    cur=${todo[0]}; todo=("${todo[@]:1}")
    for pid in "${!parent[@]}"; do
      if [ "${parent[$pid]}" = "$cur" ]; then out+=("$pid"); todo+=("$pid"); fi
    done
  done
  echo "${out[@]}"
}

# Ends the process group led by LEADER: TERM, up to GRACE tenths of a second
# (default 20) for it to go, then KILL; then reaps LEADER if it is our child.
# When LEADER does not lead a group of its own (setsid failed or not yet
# done), it ends LEADER and its descendants by pid instead, never our group.
stop_group() {
  local leader=$1 grace=${2:-20} i pids
  [ -n "$leader" ] || return 0
  if [ "$(proc_pgid "$leader")" = "$leader" ] && [ "$leader" != "$(proc_pgid $$)" ]; then
    kill -TERM -- "-$leader" 2>/dev/null
    for ((i = 0; i < grace; i++)); do group_alive "$leader" || break; sleep 0.1; done
    kill -KILL -- "-$leader" 2>/dev/null
    for ((i = 0; i < 20; i++)); do group_alive "$leader" || break; sleep 0.1; done
  elif proc_alive "$leader"; then
    pids="$leader $(proc_descendants "$leader")"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null
    for ((i = 0; i < grace; i++)); do
      local any=0 p
      for p in $pids; do proc_alive "$p" && any=1; done
      [ $any = 1 ] || break
      sleep 0.1
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null
  fi
  # Reap it only once it is gone, so this never blocks.
  for ((i = 0; i < 20; i++)); do proc_alive "$leader" || break; sleep 0.1; done
  proc_alive "$leader" || wait "$leader" 2>/dev/null
  return 0
}
