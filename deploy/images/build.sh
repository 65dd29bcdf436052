#!/usr/bin/env bash
# Builds the local images Skiff's Docker runtime and its tests use (no registry is ever contacted):
#   skiff/busybox:1  busybox from Debian's busybox-static (apt-get install busybox-static)
#   skiff/pause:1    the pod sandbox image, on top of skiff/busybox:1
#   skiff/jre:17     the base of the skiff image (Jib, module deploy): Debian 12 minbase from
#                    debootstrap (apt-get install debootstrap) with a JRE 17 (see jre/Dockerfile)
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

# skiff/jre:17: debootstrap's Debian 12 (minbase: the Essential packages and apt) with what the
# skiff roles need at run time, each for a reason (docs/deploy.md):
#   openjdk-17-jre-headless  the JVM (headless: no X11, ALSA or fonts)
#   mount                    `mount --rbind`/overlay/tmpfs in a pod's mount namespace (process runtime;
#                            unshare and nsenter come with util-linux, which minbase has)
#   iproute2                 `ip route`: routes the Docker runtime and agents make (local/blackhole)
#   busybox-static           the health check's wget (TLS) and the shell tools pods of the process
#                            runtime run (httpd, nc, wget), 2 MB
# Then it drops what nothing reads at run time (docs, man pages, locales, apt's lists and cache).
build_jre() {
  local image=skiff/jre:17 rootfs_image=skiff/jre-rootfs:17
  if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    echo "$image exists"
    return
  fi
  if ! command -v debootstrap >/dev/null; then
    echo "debootstrap not found: apt-get install -y debootstrap" >&2
    exit 1
  fi
  local rootfs
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' RETURN
  if ! debootstrap --variant=minbase \
      --include=openjdk-17-jre-headless,mount,iproute2,busybox-static \
      bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$rootfs.log" 2>&1; then
    tail -30 "$rootfs.log" >&2
    exit 1
  fi
  rm -f "$rootfs.log"
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/*
  tar -C "$rootfs" -c . | docker import - "$rootfs_image" >/dev/null
  local context
  context=$(mktemp -d)
  cp jre/Dockerfile "$context/"
  if ! docker build -q -t "$image" "$context" >"$context/build.log" 2>&1; then
    cat "$context/build.log" >&2
    rm -rf "$context"
    exit 1
  fi
  rm -rf "$context"
  echo "built $image"
}

build skiff/busybox:1 busybox
build skiff/pause:1 pause
build_jre
