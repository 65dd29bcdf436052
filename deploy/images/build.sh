#!/usr/bin/env bash
# Builds the local images Skiff's Docker runtime and its tests use (no registry is ever contacted):
#   skiff/busybox:1  busybox from Debian's busybox-static (apt-get install busybox-static)
#   skiff/pause:1    the pod sandbox image, on top of skiff/busybox:1
# Idempotent: images that already exist are rebuilt only with --force.
set -euo pipefail
cd "$(dirname "$0")"

force=false
[ "${1:-}" = "--force" ] && force=true

busybox=""
for candidate in /bin/busybox /usr/bin/busybox; do
  [ -x "$candidate" ] && busybox=$candidate && break
done
if [ -z "$busybox" ]; then
  echo "busybox not found: apt-get install -y busybox-static" >&2
  exit 1
fi

build() {
  local image=$1 dir=$2
  if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    echo "$image exists"
    return
  fi
  local context
  context=$(mktemp -d)
  trap 'rm -rf "$context"' RETURN
  cp "$dir/Dockerfile" "$context/"
  cp "$busybox" "$context/busybox"
  if ! docker build -q -t "$image" "$context" >"$context/build.log" 2>&1; then
    cat "$context/build.log" >&2
    exit 1
  fi
  echo "built $image"
}

build skiff/busybox:1 busybox
build skiff/pause:1 pause
