#!/usr/bin/env python3
"""Scan -> greeting visible on the Terminal.Gui panel in tmux (issue 14), against the real executable.

usage: panel-latency.py [SCANS] [POSLOYALTY_DLL]

Opens a pseudo-terminal for the scanner, enrols two regulars with a pinned note each, starts
`posloyalty run --headless` with the scanner on the pty's slave side and `posloyalty panel` in a private
120x40 tmux server. Then times the first scan after start and SCANS more (default 200, two cards
alternating: the scanner drops the same code read twice within 500 ms), each from the scan bytes written to
the pty's master side to `tmux capture-pane` showing that customer's greeting and pinned note. The time
includes one capture-pane round trip (a process start), so it is an upper bound of what the cashier sees.
Prints the first scan, p50, p99 and max in ms, and the load average before and after (the machine is shared), and
how many bytes the panel wrote to its terminal per scan (tmux pipe-pane).

With POSLOYALTY_PANEL_TRACE=FILE in the environment the panel writes a line of timestamps per service event there
(src/PosLoyalty.Panel/App/PanelTrace.cs) and this script prints each scan's time split into hops, p50 and p99 over
the SCANS: scan written -> event read by the panel (the service's side and the socket), -> applied on the UI thread
(the wait for app.Invoke), -> draw started (reduce and set the views), -> drawn and written to the terminal, ->
seen by capture-pane (tmux and one process start).
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
trace = os.environ.get('POSLOYALTY_PANEL_TRACE')
if trace:
    trace = os.path.abspath(trace)
    open(trace, 'w').close()  # this run's events only
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


def hops(trace_path, written_ns, seen_ns):
    """Each scan's split, from the first greeting the panel read after that scan's bytes were written."""
    greetings = []
    for line in open(trace_path):
        kind, received, applying, draw_start, draw_end = line.split()
        if kind == 'CustomerIdentifiedEvent' and draw_end != '-':
            greetings.append(tuple(int(v) for v in (received, applying, draw_start, draw_end)))
    split = {'service and socket': [], 'wait for Invoke': [], 'reduce and set views': [], 'draw and write': [], 'tmux and capture-pane': []}
    for written, seen in zip(written_ns, seen_ns):
        match = next((g for g in greetings if g[0] >= written), None)
        if match is None:
            sys.exit(f'no greeting in the trace after a scan written at {written} ns')
        received, applying, draw_start, draw_end = match
        for name, (a, b) in zip(split, ((written, received), (received, applying), (applying, draw_start), (draw_start, draw_end), (draw_end, seen))):
            split[name].append((b - a) / 1e6)
    return {name: sorted(values) for name, values in split.items()}


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
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'panel', *(['-e', 'POSLOYALTY_PANEL_TRACE=' + trace] if trace else []), ' '.join(cli + ['panel'] + common) + '; sleep 600')
    wait_for('Waiting for a card', '✓ ok')
    output = os.path.join(work, 'panel.out')
    tmux('pipe-pane', '-o', '-t', 'panel', 'cat >> ' + output)
    written_ns, seen_ns = [], []

    def scan(i):
        card, _, greeting, note = cards[i % 2]
        written_ns.append(time.monotonic_ns())
        os.write(master, (card + '\r\n').encode())
        took = wait_for(greeting, note)
        seen_ns.append(time.monotonic_ns())
        return took

    first = scan(0)
    output_before = os.path.getsize(output) if os.path.exists(output) else 0
    warm = sorted(scan(i + 1) for i in range(scans))
    time.sleep(0.5)  # pipe-pane's cat catches up
    output_bytes = os.path.getsize(output) - output_before
    load_after = open('/proc/loadavg').read().split()[:3]
    print(f'panel-latency: first scan {first:.0f} ms; next {len(warm)}: p50 {percentile(warm, 0.5):.0f} ms, '
          f'p99 {percentile(warm, 0.99):.0f} ms, max {warm[-1]:.0f} ms; load average before {" ".join(load_before)}, after {" ".join(load_after)}; '
          f'{output_bytes / len(warm):.0f} bytes to the terminal per scan')
    if trace and os.path.getsize(trace) == 0:
        print('panel-latency hops: the panel wrote no trace (a build from before POSLOYALTY_PANEL_TRACE)')
    elif trace:
        first_split = hops(trace, written_ns[:1], seen_ns[:1])
        warm_split = hops(trace, written_ns[1:], seen_ns[1:])
        print('panel-latency hops (ms): ' + '; '.join(
            f'{name} first {first_split[name][0]:.1f}, p50 {percentile(values, 0.5):.1f}, p99 {percentile(values, 0.99):.1f}'
            for name, values in warm_split.items()))
finally:
    subprocess.run(['tmux', '-L', server, 'kill-server'], capture_output=True)
    if service is not None:
        service.terminate()
        service.wait(30)
    os.close(master)
    os.close(slave)
    shutil.rmtree(work, ignore_errors=True)
