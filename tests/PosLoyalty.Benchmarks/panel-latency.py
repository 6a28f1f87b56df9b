#!/usr/bin/env python3
"""Scan -> greeting visible on the Terminal.Gui panel in tmux (issue 14), against the real executable.

usage: panel-latency.py [SCANS] [POSLOYALTY_DLL]

Opens a pseudo-terminal for the scanner, enrols two regulars with a pinned note each, starts
`posloyalty run --headless` with the scanner on the pty's slave side and `posloyalty panel` in a private
120x40 tmux server. Then times the first scan after start and SCANS more (default 200, two cards
alternating: the scanner drops the same code read twice within 500 ms), each from the scan bytes written to
the pty's master side to `tmux capture-pane` showing that customer's greeting and pinned note. The time
includes one capture-pane round trip (a process start), so it is an upper bound of what the cashier sees.
Prints the first scan, p50, p99 and max in ms, and the load average before and after (the machine is shared).
"""
import json, math, os, shutil, subprocess, sys, tempfile, termios, time

scans = int(sys.argv[1]) if len(sys.argv) > 1 else 200
dll = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else 'src/PosLoyalty.Host/bin/Release/net10.0/posloyalty.dll')
patience_s = 60  # only catches a hang
cards = [('20000000042', 'Anna Rossi', 'Mrs Rossi', 'Ask about the graduation'),
         ('20000000117', 'Marco Bianchi', 'Marco', 'Oat milk, always')]

work = tempfile.mkdtemp(prefix='panel-latency-')
server = 'panel-latency-' + str(os.getpid())
master, slave = os.openpty()
config = os.path.join(work, 'till.json')
db = os.path.join(work, 'posloyalty.db')
with open(config, 'w') as f:
    json.dump({"Till": {"Id": "till-1"}, "Scanner": {"Device": os.ttyname(slave), "BaudRate": 9600},
               "Panel": {"Socket": os.path.join(work, 'panel.sock')}, "Backup": {"Keep": 0}}, f)
cli = ['dotnet', dll]
common = ['--config', config, '--db', db]


def tmux(*args):
    return subprocess.run(['tmux', '-L', server, *args], check=True, capture_output=True, text=True).stdout


def wait_for(*texts):
    started = time.monotonic()
    while time.monotonic() - started < patience_s:
        screen = tmux('capture-pane', '-p', '-t', 'panel')
        if all(t in screen for t in texts):
            return (time.monotonic() - started) * 1000
    sys.exit(f'the screen did not show {texts} within {patience_s} s:\n{screen}')


def percentile(ordered, fraction):
    return ordered[max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))]


service = None
try:
    for card, name, greeting, note in cards:
        subprocess.run(cli + ['customers', 'add', '--card', card, '--name', name, '--greeting', greeting] + common, check=True, capture_output=True)
        subprocess.run(cli + ['customers', 'note', card, note, '--pin'] + common, check=True, capture_output=True)
    log = os.path.join(work, 'service.log')
    service = subprocess.Popen(cli + ['run', '--headless'] + common, stdout=subprocess.DEVNULL, stderr=open(log, 'w'))
    started = time.monotonic()
    while 'Panel socket listening' not in open(log).read() or termios.tcgetattr(slave)[3] & termios.ICANON:
        if time.monotonic() - started > patience_s or service.poll() is not None:
            sys.exit('the service did not start:\n' + open(log).read())
        time.sleep(0.05)
    load_before = open('/proc/loadavg').read().split()[:3]
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'panel', ' '.join(cli + ['panel'] + common) + '; sleep 600')
    wait_for('Waiting for a card', '✓ ok')

    def scan(i):
        card, _, greeting, note = cards[i % 2]
        os.write(master, (card + '\r\n').encode())
        return wait_for(greeting, note)

    first = scan(0)
    warm = sorted(scan(i + 1) for i in range(scans))
    load_after = open('/proc/loadavg').read().split()[:3]
    print(f'panel-latency: first scan {first:.0f} ms; next {len(warm)}: p50 {percentile(warm, 0.5):.0f} ms, '
          f'p99 {percentile(warm, 0.99):.0f} ms, max {warm[-1]:.0f} ms; load average before {" ".join(load_before)}, after {" ".join(load_after)}')
finally:
    subprocess.run(['tmux', '-L', server, 'kill-server'], capture_output=True)
    if service is not None:
        service.terminate()
        service.wait(30)
    os.close(master)
    os.close(slave)
    shutil.rmtree(work, ignore_errors=True)
