# shellcheck shell=bash
# Shared by scripts/run and scripts/test: find or make an environment that has
# JobDeck's dependencies, then run commands in it.
#
# Two ways to get there:
#  - native: the host already has Qt >= 6.8, KF6SyntaxHighlighting and QtKeychain
#    (Debian 13, Ubuntu 25.04, Fedora 41+, Arch); when we are root and a package is
#    missing, the distribution's package manager installs it;
#  - build root: otherwise a Debian 13 (trixie) root made once with debootstrap,
#    outside the repository, in which every command runs (unshare + chroot, with the
#    repository bind-mounted at the same absolute path).

set -euo pipefail

JD_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
JD_LIB="$JD_REPO/scripts/lib"
JD_PACKAGES="$JD_LIB/packages-debian.txt"
JD_CACHE=${JOBDECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jobdeck}
JD_ROOT=${JOBDECK_BUILDROOT:-$JD_CACHE/trixie-root}
JD_MODE="" # native | root, set by jd_prepare

jd_say() { printf 'jobdeck: %s\n' "$*" >&2; }
jd_die() {
    printf 'jobdeck: error: %s\n' "$*" >&2
    exit 1
}

jd_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$JD_PACKAGES"; }

# The recipe of the build root lives in its own file, which (with the package list) is
# the root's stamp: editing the rest of this file does not make the root again.
# shellcheck source=buildroot.sh
. "$JD_LIB/buildroot.sh"

jd_version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# True when this host can build JobDeck without a build root.
jd_host_has_deps() {
    [ "${JOBDECK_FORCE_BUILDROOT:-0}" = 1 ] && return 1
    local qtpaths qtver
    qtpaths=$(command -v qtpaths6 || command -v qtpaths-qt6 || true)
    [ -z "$qtpaths" ] && [ -x /usr/lib/qt6/bin/qtpaths ] && qtpaths=/usr/lib/qt6/bin/qtpaths
    [ -n "$qtpaths" ] || return 1
    qtver=$("$qtpaths" --qt-query QT_VERSION 2>/dev/null || true)
    [ -n "$qtver" ] && jd_version_ge "$qtver" 6.8 || return 1
    command -v cmake >/dev/null && command -v ninja >/dev/null || return 1
    local prefix
    prefix=$("$qtpaths" --qt-query QT_INSTALL_PREFIX 2>/dev/null || echo /usr)
    local cfg
    for cfg in Qt6Charts Qt6HttpServer Qt6LinguistTools KF6SyntaxHighlighting KF6Notifications Qt6Keychain; do
        find "$prefix"/lib*/cmake "$prefix"/lib/*/cmake /usr/lib*/cmake /usr/lib/*/cmake \
            -maxdepth 1 -name "$cfg" -type d 2>/dev/null | grep -q . || return 1
    done
    return 0
}

# Installs the distribution's packages on a host whose release ships them all.
jd_install_native() {
    [ "$(id -u)" = 0 ] || return 1
    local id="" version=""
    # shellcheck disable=SC1091
    [ -r /etc/os-release ] && { . /etc/os-release; id=$ID; version=${VERSION_ID:-}; }
    case "$id" in
    debian)
        jd_version_ge "${version:-0}" 13 || return 1
        jd_say "installing Debian packages"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(jd_packages)
        ;;
    ubuntu)
        jd_version_ge "${version:-0}" 25.04 || return 1
        jd_say "installing Ubuntu packages"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(jd_packages)
        ;;
    fedora)
        jd_version_ge "${version:-0}" 41 || return 1
        dnf install -y cmake ninja-build gcc-c++ ccache clang compiler-rt qt6-qtbase-devel \
            qt6-qtcharts-devel qt6-qthttpserver-devel qt6-qttools-devel qt6-qttranslations \
            kf6-syntax-highlighting-devel kf6-knotifications-devel qtkeychain-qt6-devel graphviz-devel libxml2 google-noto-sans-cjk-fonts \
            xorg-x11-server-Xvfb xauth dbus-daemon gnome-keyring
        ;;
    arch)
        pacman -S --needed --noconfirm cmake ninja gcc ccache clang qt6-base qt6-charts \
            qt6-httpserver qt6-tools qt6-translations syntax-highlighting knotifications qtkeychain-qt6 graphviz libxml2 \
            noto-fonts-cjk xorg-server-xvfb xorg-xauth dbus gnome-keyring
        ;;
    *) return 1 ;;
    esac
}

# Decides native or build root, installing what is missing. Idempotent and quick when
# everything is already there.
jd_prepare() {
    if jd_host_has_deps; then
        JD_MODE=native
        return
    fi
    if [ "${JOBDECK_FORCE_BUILDROOT:-0}" != 1 ] && jd_install_native && jd_host_has_deps; then
        JD_MODE=native
        return
    fi
    if [ "$(id -u)" != 0 ] && ! jd_root_ready; then
        command -v sudo >/dev/null || jd_die "this host lacks Qt >= 6.8 and KF6; making the build root needs root"
        jd_say "this host lacks Qt >= 6.8 and KF6: making the Debian 13 build root needs sudo once"
        sudo env JOBDECK_CACHE_DIR="$JD_CACHE" JOBDECK_BUILDROOT="$JD_ROOT" bash -c \
            '. "$1" && mkdir -p "$JD_CACHE" && exec 9>"$JD_CACHE/root.lock" && flock 9 && { jd_root_ready || jd_make_root; }' \
            sh "$JD_LIB/common.sh"
    else
        mkdir -p "$JD_CACHE"
        exec 9>"$JD_CACHE/root.lock"
        flock 9 # another run making the same root waits here rather than racing it
        jd_root_ready || jd_make_root
        exec 9>&-
    fi
    JD_MODE=root
}

# Runs a command in the prepared environment, from the repository's top folder.
# JD_SHARE_HOME=1 also makes the user's home (settings, files, keychain bus) visible.
jd_exec() {
    if [ "$JD_MODE" = native ]; then
        (cd "$JD_REPO" && "$@")
        return
    fi
    local shared
    shared=$(cd "$JD_REPO/.." && pwd -P)/shared
    # Outer folders first, so a later bind inside them (the repository in /tmp or $HOME) wins.
    local -a binds=(/tmp) # temp dirs, the X11 socket and Xauthority files the host made there
    [ "${JD_SHARE_HOME:-0}" = 1 ] && [ -d "${HOME:-}" ] && binds+=("$HOME")
    [ "${JD_SHARE_HOME:-0}" = 1 ] && [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ] && binds+=("$XDG_RUNTIME_DIR")
    binds+=("$JD_REPO")
    [ -d "$shared" ] && binds+=("$shared")
    [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ] && binds+=("$XAUTHORITY")

    local -a envs=(PATH=/usr/lib/ccache:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
        HOME="${HOME:-/root}" TERM="${TERM:-dumb}" CCACHE_DIR="$JD_CACHE/ccache"
        CCACHE_BASEDIR="$JD_REPO" CCACHE_NOHASHDIR=1 JOBDECK_IN_BUILDROOT=1)
    local v
    for v in DISPLAY XAUTHORITY WAYLAND_DISPLAY XDG_RUNTIME_DIR DBUS_SESSION_BUS_ADDRESS LANGUAGE LC_ALL CI \
        QT_QPA_PLATFORM CTEST_PARALLEL_LEVEL CTEST_OUTPUT_ON_FAILURE JOBDECK_PRESET; do
        [ -n "${!v:-}" ] && envs+=("$v=${!v}")
    done
    # The cache lives outside the root; make it visible at the same path inside.
    mkdir -p "$JD_CACHE/ccache"
    binds+=("$JD_CACHE/ccache")

    local uid gid
    uid=$(id -u)
    gid=$(id -g)
    local runner=(unshare --mount --propagation private)
    [ "$uid" = 0 ] || runner=(sudo "${runner[@]}")
    # The inner script goes in as an argument, leaving stdin to the command (--password-stdin).
    "${runner[@]}" -- bash -c "$JD_INNER" jobdeck-buildroot "$JD_ROOT" "$JD_REPO" "$uid" "$gid" \
        "${#binds[@]}" "${binds[@]}" "${#envs[@]}" "${envs[@]}" "$@"
}

# Runs inside the new mount namespace: mounts, then chroot (dropping back to the user's ids).
JD_INNER=$(cat <<'INNER'
set -e
root=$1 repo=$2 uid=$3 gid=$4
shift 4
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
n=$1; shift
for ((i = 0; i < n; i++)); do
    src=$1; shift
    if [ -d "$src" ]; then mkdir -p "$root$src"; else mkdir -p "$(dirname "$root$src")"; touch "$root$src"; fi
    mount --rbind "$src" "$root$src"
done
n=$1; shift
envs=()
for ((i = 0; i < n; i++)); do envs+=("$1"); shift; done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
if [ "$uid" = 0 ]; then
    exec chroot "$root" /usr/bin/env -i "${envs[@]}" bash -c 'cd "$0" && exec "$@"' "$repo" "$@"
fi
exec chroot "$root" /usr/bin/setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    /usr/bin/env -i "${envs[@]}" bash -c 'cd "$0" && exec "$@"' "$repo" "$@"
INNER
)

