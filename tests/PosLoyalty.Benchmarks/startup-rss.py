#!/usr/bin/env python3
"""Start-up to READY=1 and RSS of `posloyalty run --headless` (issue #6 item 9).

usage: startup-rss.py DATABASE RUNS SECONDS_BEFORE_RSS [POSLOYALTY_DLL]

Binds a Unix datagram socket as NOTIFY_SOCKET, starts the service with no devices, times process start to the
READY=1 datagram, waits, reads VmRSS from /proc, sends SIGTERM; prints one (ms, MiB) pair per run and the list.
"""
import json, os, socket, subprocess, sys, tempfile, time

db, runs, wait = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
dll = sys.argv[4] if len(sys.argv) > 4 else 'src/PosLoyalty.Host/bin/Release/net10.0/posloyalty.dll'
results = []
for _ in range(runs):
    work = tempfile.mkdtemp()
    notify = os.path.join(work, 'notify')
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(notify)
    sock.settimeout(120)
    config = os.path.join(work, 'till.json')
    with open(config, 'w') as f:
        json.dump({"Panel": {"Socket": os.path.join(work, 'panel.sock')}, "Backup": {"Keep": 0}}, f)
    started = time.monotonic()
    proc = subprocess.Popen(['dotnet', dll, 'run', '--headless', '--config', config, '--db', db],
                            env=dict(os.environ, NOTIFY_SOCKET=notify),
                            stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, 'stderr.log'), 'w'))
    while 'READY=1' not in sock.recv(4096).decode():
        pass
    ready_ms = (time.monotonic() - started) * 1000
    time.sleep(wait)
    with open(f'/proc/{proc.pid}/status') as status:
        rss_kib = int(next(line for line in status if line.startswith('VmRSS')).split()[1])
    proc.terminate()
    proc.wait(30)
    results.append((round(ready_ms), round(rss_kib / 1024, 1)))
    print(results[-1], 'load', open('/proc/loadavg').read().split()[:3], flush=True)
    time.sleep(1)
print(results)
