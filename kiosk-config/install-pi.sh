#!/usr/bin/env bash
# Installs PosLoyalty on a Raspberry Pi or a Debian till PC from a framework-dependent publish.
# docs/deploy.md walks through it; `install-pi.sh --help` lists the options. Safe to run twice: the second run
# changes nothing, and an upgrade (a newer publish) replaces the program but never the shop's settings.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: sudo kiosk-config/install-pi.sh [--no-kiosk] PUBLISH_DIR
       DESTDIR=/tmp/root kiosk-config/install-pi.sh PUBLISH_DIR     (stage into a directory, no root needed)

PUBLISH_DIR is the output of
    dotnet publish src/PosLoyalty.Host -c Release -r linux-arm64 --self-contained false -o PUBLISH_DIR
(linux-arm for 32-bit Raspberry Pi OS, linux-x64 for a till PC). The .NET 10 runtime must be installed.

Installs:
  /opt/posloyalty/                      the program (replaced on every run)
  /usr/local/bin/posloyalty             a wrapper: as root it runs the CLI as the service user
  /etc/posloyalty/appsettings.json      the till's settings (0640 root:posloyalty), only if missing
  /etc/posloyalty/loyalty.json          the loyalty rules, only if missing (*.dist: the shipped copy)
  /etc/posloyalty/receipt-profiles/     receipt profiles, each only if missing
  /etc/default/posloyalty               DOTNET_ROOT for the service, only if missing
  /var/lib/posloyalty/                  the database directory (0700 posloyalty)
  /etc/systemd/system/posloyalty.service
  /etc/udev/rules.d/99-posloyalty.rules (examples, all commented out), only if missing
  tty1 autologin of user posloyalty-panel running `posloyalty panel`   (not with --no-kiosk)
and creates the system user and group posloyalty (in dialout, input, lp) and the kiosk user posloyalty-panel
(in group posloyalty only), then enables the service.

With DESTDIR set, everything is written under DESTDIR and nothing on this system is touched: no users or
groups are created, no ownership is changed, systemctl and udevadm are not run (each is printed instead).

Options:
  --no-kiosk   leave tty1 alone (a till PC whose screen belongs to the POS)
  -h, --help   this text
USAGE
}

kiosk=1
publish=""
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --no-kiosk) kiosk=0; shift ;;
        --) shift; break ;;
        -*) echo "install-pi.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *)
            if [ -n "$publish" ]; then
                echo "install-pi.sh: one publish directory only (see --help)" >&2
                exit 2
            fi
            publish="$1"; shift ;;
    esac
done
if [ -z "$publish" ] && [ $# -gt 0 ]; then publish="$1"; fi
if [ -z "$publish" ]; then
    usage >&2
    exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
publish="$(cd "$publish" && pwd)" || { echo "install-pi.sh: $publish is not a directory" >&2; exit 2; }
if [ ! -f "$publish/posloyalty" ] || [ ! -f "$publish/posloyalty.dll" ]; then
    echo "install-pi.sh: $publish has no posloyalty apphost and posloyalty.dll: publish with" >&2
    echo "  dotnet publish src/PosLoyalty.Host -c Release -r linux-arm64 --self-contained false -o DIR" >&2
    exit 2
fi

root="${DESTDIR:-}"
root="${root%/}"
live=1
if [ -n "$root" ]; then
    live=0
    mkdir -p "$root"
    root="$(cd "$root" && pwd)"
elif [ "$(id -u)" -ne 0 ]; then
    echo "install-pi.sh: run as root (sudo), or set DESTDIR to stage the files into a directory" >&2
    exit 1
fi

say() { echo "install-pi.sh: $*"; }

# Runs a command that changes this system (users, ownership, systemd); under DESTDIR it only says what it
# would have done, because those would act on the live system, not on DESTDIR.
system() {
    if [ "$live" -eq 1 ]; then
        "$@"
    else
        say "DESTDIR set, skipped: $*"
    fi
}

# Where the shipped settings come from: the publish (matches the binary) or, failing that, this checkout.
shipped="$publish/kiosk-config"
[ -f "$shipped/loyalty.json" ] || shipped="$here"

# Installs FILE to DEST with MODE unless DEST exists; the shipped copy always goes to DEST.dist as well when
# DIST is "dist", so store IT can diff their edited file against a new release.
install_once() {
    local mode="$1" src="$2" dest="$3" dist="${4:-}"
    if [ -e "$dest" ]; then
        say "kept ${dest#"$root"} (exists)"
    else
        install -m "$mode" "$src" "$dest"
    fi
    if [ "$dist" = "dist" ]; then
        install -m "$mode" "$src" "$dest.dist"
    fi
}

# --- users and groups -------------------------------------------------------------------------------------
if [ "$live" -eq 1 ]; then
    getent group posloyalty >/dev/null || groupadd --system posloyalty
    getent passwd posloyalty >/dev/null || useradd --system --gid posloyalty --home-dir /var/lib/posloyalty \
        --no-create-home --shell /usr/sbin/nologin --comment "PosLoyalty service" posloyalty
    # The unit grants these through SupplementaryGroups=; membership here lets `sudo -u posloyalty posloyalty
    # doctor` open the devices too. A group that does not exist on this system is skipped.
    for g in dialout input lp; do
        if getent group "$g" >/dev/null; then usermod -aG "$g" posloyalty; fi
    done
    if [ "$kiosk" -eq 1 ]; then
        getent passwd posloyalty-panel >/dev/null || useradd --create-home --shell /bin/bash \
            --comment "PosLoyalty cashier panel (tty1 kiosk)" posloyalty-panel
        usermod -aG posloyalty posloyalty-panel
    fi
else
    say "DESTDIR set, skipped: groupadd --system posloyalty; useradd --system posloyalty (groups dialout input lp)"
    [ "$kiosk" -eq 0 ] || say "DESTDIR set, skipped: useradd posloyalty-panel (group posloyalty)"
fi

# --- the program ------------------------------------------------------------------------------------------
# Staged beside the old one and swapped in, so a failed copy never leaves half a program; a running service
# keeps the files it has open until it is restarted below.
install -d -m 0755 "$root/opt"
stage="$root/opt/.posloyalty.new"
rm -rf "$stage" "$root/opt/.posloyalty.old"
cp -R "$publish" "$stage"
if [ -f "$here/../docs/deploy.md" ]; then
    install -d -m 0755 "$stage/docs"
    install -m 0644 "$here/../docs/deploy.md" "$stage/docs/deploy.md"
fi
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
chmod 0755 "$stage/posloyalty"
if [ -d "$root/opt/posloyalty" ]; then mv "$root/opt/posloyalty" "$root/opt/.posloyalty.old"; fi
mv "$stage" "$root/opt/posloyalty"
rm -rf "$root/opt/.posloyalty.old"
system chown -R root:root "$root/opt/posloyalty"

install -d -m 0755 "$root/usr/local/bin"
cat > "$root/usr/local/bin/posloyalty.tmp" <<'WRAPPER'
#!/bin/sh
# PosLoyalty CLI. As root it runs as the service user: a database file or WAL created by root would lock the
# service out of its own database.
if [ "$(id -u)" -eq 0 ]; then
    exec runuser -u posloyalty -- /opt/posloyalty/posloyalty "$@"
fi
exec /opt/posloyalty/posloyalty "$@"
WRAPPER
chmod 0755 "$root/usr/local/bin/posloyalty.tmp"
mv "$root/usr/local/bin/posloyalty.tmp" "$root/usr/local/bin/posloyalty"

# --- data ---------------------------------------------------------------------------------------------------
install -d -m 0755 "$root/var/lib"
install -d -m 0700 "$root/var/lib/posloyalty"
chmod 0700 "$root/var/lib/posloyalty"
system chown posloyalty:posloyalty "$root/var/lib/posloyalty"

# --- settings -------------------------------------------------------------------------------------------------
install -d -m 0755 "$root/etc"
install -d -m 0750 "$root/etc/posloyalty" "$root/etc/posloyalty/receipt-profiles"
chmod 0750 "$root/etc/posloyalty" "$root/etc/posloyalty/receipt-profiles"
settings="$(mktemp)"
trap 'rm -f "$settings"' EXIT
cat > "$settings" <<'SETTINGS'
{
  // The till's settings (docs/configuration.md). Environment variables POSLOYALTY__Section__Key
  // override them. A section left out means that device is not used. After a change:
  //   sudo systemctl restart posloyalty && posloyalty doctor
  "Storage": { "DatabasePath": "/var/lib/posloyalty/loyalty.db" },
  "Till": { "Id": "till-1", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:03:00" },
  "Loyalty": { "RulesFile": "/etc/posloyalty/loyalty.json" },
  "Panel": { "Socket": "/run/posloyalty/panel.sock" },
  // Uncomment what the till has (udev names from /etc/udev/rules.d/99-posloyalty.rules):
  // "Scanner": { "Device": "/dev/pos/scanner", "BaudRate": 9600 },
  // "Scanner": { "Device": "evdev:/dev/pos/scanner-kbd" },
  // "ReceiptTap": { "Input": "/dev/pos/pos-in", "Profile": "default" },
  // "Printer": { "Device": "/dev/pos/printer", "Columns": 42, "CouponPlacement": "BeforeCut" },
  // "Printer": { "Device": "tcp://192.168.1.50:9100" },
  // "Display": { "Device": "/dev/pos/display", "Protocol": "CD5220" },
  "Logging": { "LogLevel": { "Default": "Information" } }
}
SETTINGS
install_once 0640 "$settings" "$root/etc/posloyalty/appsettings.json"
install_once 0640 "$shipped/loyalty.json" "$root/etc/posloyalty/loyalty.json" dist
for profile in "$shipped"/receipt-profiles/*.json; do
    [ -e "$profile" ] || continue
    install_once 0640 "$profile" "$root/etc/posloyalty/receipt-profiles/$(basename "$profile")"
done
system chown -R root:posloyalty "$root/etc/posloyalty"

# The apphost finds the runtime through DOTNET_ROOT; take it from the dotnet on PATH when there is one.
dotnet_root=/usr/share/dotnet
if command -v dotnet >/dev/null 2>&1; then
    dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
fi
install -d -m 0755 "$root/etc/default"
if [ ! -e "$root/etc/default/posloyalty" ]; then
    printf '# Environment of posloyalty.service (EnvironmentFile=).\nDOTNET_ROOT=%s\n' "$dotnet_root" > "$root/etc/default/posloyalty"
    chmod 0644 "$root/etc/default/posloyalty"
else
    say "kept /etc/default/posloyalty (exists)"
fi

# --- systemd and udev -------------------------------------------------------------------------------------
install -d -m 0755 "$root/etc/systemd" "$root/etc/systemd/system"
install -m 0644 "$here/systemd/posloyalty.service" "$root/etc/systemd/system/posloyalty.service"
install -d -m 0755 "$root/etc/udev" "$root/etc/udev/rules.d"
install_once 0644 "$here/udev/99-posloyalty.rules" "$root/etc/udev/rules.d/99-posloyalty.rules" dist

if [ "$kiosk" -eq 1 ]; then
    install -d -m 0755 "$root/etc/systemd/system/getty@tty1.service.d" "$root/etc/profile.d"
    install -m 0644 "$here/kiosk/getty@tty1.service.d/autologin.conf" "$root/etc/systemd/system/getty@tty1.service.d/autologin.conf"
    install -m 0644 "$here/kiosk/posloyalty-panel.sh" "$root/etc/profile.d/posloyalty-panel.sh"
fi

system systemctl daemon-reload
system udevadm control --reload
system systemctl enable posloyalty.service
if [ "$live" -eq 1 ] && systemctl is-active --quiet posloyalty.service; then
    systemctl restart posloyalty.service
    say "restarted posloyalty (upgrade)"
else
    say "next: edit /etc/posloyalty/appsettings.json, then: sudo systemctl start posloyalty && posloyalty doctor"
fi
say "done${root:+ (under $root)}"
