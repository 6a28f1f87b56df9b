# /etc/profile.d/posloyalty-panel.sh — the cashier panel on the till's screen.
# Sourced by every login shell; acts only for the kiosk user on tty1 (autologin, getty@tty1 drop-in), so an
# SSH login or a second console gets an ordinary shell.
if [ "$(id -un 2>/dev/null)" = "posloyalty-panel" ] && [ "$(tty 2>/dev/null)" = "/dev/tty1" ]; then
    # Kernel messages (a USB device plugged in) would scribble over the panel.
    setterm --msg off 2>/dev/null || true
    setterm --blank 0 --powerdown 0 2>/dev/null || true
    # The panel exits when the service goes away or someone presses its quit key: start it again, with a
    # pause so a service that is down does not make the screen flicker. Ctrl+C twice quickly gets a shell.
    while :; do
        /opt/posloyalty/posloyalty panel
        echo "posloyalty panel ended (status $?); starting again in 3 s — Ctrl+C for a shell"
        sleep 3 || break
    done
fi
