# shellcheck shell=bash
# The Debian 13 build root: how it is made and how a made one is recognised. Sourced by
# common.sh. The stamp is the hash of this file and the package list, so editing either
# makes the root again; nothing else does.

jd_root_stamp() { cat "$JD_PACKAGES" "$JD_LIB/buildroot.sh" | sha256sum | cut -d' ' -f1; }

jd_root_ready() { [ -f "$JD_ROOT/.jobdeck-stamp" ] && [ "$(cat "$JD_ROOT/.jobdeck-stamp")" = "$(jd_root_stamp)" ]; }

# The Debian archive this host already uses (its apt sources), so the root comes from the
# same place; empty when the host has none, and debootstrap then uses its own default.
# JOBDECK_DEBIAN_MIRROR overrides both.
jd_host_mirror() {
    if [ -n "${JOBDECK_DEBIAN_MIRROR:-}" ]; then
        printf '%s\n' "$JOBDECK_DEBIAN_MIRROR"
        return
    fi
    local f
    for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] || continue
        # deb822 "URIs:" lines and one-line "deb URI suite" entries; the security archive
        # has no trixie main suite of its own, so it is skipped.
        sed -n -e 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' \
            -e 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\).*/\2/p' "$f"
    done | grep -v -e '-security' -e 'security\.' | grep -E '^https?://[^/]+/debian/?$' | head -n1
}

# Makes the Debian 13 build root. The stamp is written last, so a root left half-made by
# an interrupted run has no stamp (or an old one) and is made again from nothing.
jd_make_root() {
    [ "$(id -u)" = 0 ] || jd_die "making the Debian 13 build root needs root: run 'sudo $0'"
    command -v debootstrap >/dev/null || {
        jd_say "installing debootstrap on the host"
        if command -v apt-get >/dev/null; then
            apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
        elif command -v dnf >/dev/null; then dnf install -y debootstrap >/dev/null
        fi
    } || true
    command -v debootstrap >/dev/null || jd_die "debootstrap is needed to make the build root and could not be installed"
    [ -f /usr/share/debootstrap/scripts/trixie ] || jd_die "this debootstrap does not know Debian 13 (trixie); update it"

    local tmp="$JD_ROOT.new" mirror
    mirror=$(jd_host_mirror)
    rm -rf --one-file-system "$tmp"
    mkdir -p "$(dirname "$JD_ROOT")"
    jd_say "creating the Debian 13 build root in $JD_ROOT (once; about 3 minutes)"
    # shellcheck disable=SC2086 # no mirror argument at all lets debootstrap pick its default
    debootstrap --variant=minbase trixie "$tmp" $mirror >"$JD_CACHE/debootstrap.log" 2>&1 ||
        jd_die "debootstrap failed; see $JD_CACHE/debootstrap.log"
    jd_say "installing JobDeck's build dependencies in the build root"
    cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
    # shellcheck disable=SC2046
    unshare --mount --propagation private -- sh -c '
        mount --bind /proc "$1/proc" && mount --bind /dev "$1/dev" || exit 1
        shift
        exec chroot "$@"' sh "$tmp" "$tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 sh -c \
        'apt-get update -q && apt-get install -y -q --no-install-recommends "$@" && apt-get clean' \
        sh $(jd_packages) >"$JD_CACHE/apt.log" 2>&1 ||
        jd_die "installing packages in the build root failed; see $JD_CACHE/apt.log"
    jd_root_stamp >"$tmp/.jobdeck-stamp"
    rm -rf --one-file-system "$JD_ROOT"
    mv "$tmp" "$JD_ROOT"
}
