#!/usr/bin/env python3
"""Idle CPU of an attached `posloyalty panel` against a bare Terminal.Gui 2.5.0 window, the same 60 s (issue 14).

usage: panel-idle.py [POSLOYALTY_DLL]

Builds the bare window (Application.Create(), Init("ansi"), Run(new Window()), written to a temporary directory,
Release), starts `posloyalty run --headless` with only a panel socket, the panel and the bare window in two 120x40
sessions of a private tmux server, waits 10 s, then reads utime+stime from /proc/PID/stat of both over 60 s.
Prints both as % of a core, the ratio (target <= 1.2) and the load average (the machine is shared).
"""
import json, os, shutil, subprocess, sys, tempfile, time

dll = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'src/PosLoyalty.Host/bin/Release/net10.0/posloyalty.dll')
seconds = 60
bare_dir = tempfile.mkdtemp(prefix='bare-window-')
with open(os.path.join(bare_dir, 'barewindow.csproj'), 'w') as f:
    f.write('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>'
            '<ImplicitUsings>enable</ImplicitUsings><NoWarn>NU1603</NoWarn></PropertyGroup>'
            '<ItemGroup><PackageReference Include="Terminal.Gui" Version="2.5.0" /></ItemGroup></Project>')
with open(os.path.join(bare_dir, 'Program.cs'), 'w') as f:
    f.write('using Terminal.Gui.App;\nusing Terminal.Gui.Views;\nusing var app = Application.Create();\napp.Init("ansi");\n'
            'using var window = new Window();\napp.Run(window);\n')
subprocess.run(['dotnet', 'build', '-c', 'Release', '-o', os.path.join(bare_dir, 'out'), bare_dir], check=True, capture_output=True)
bare = os.path.join(bare_dir, 'out', 'barewindow.dll')
work = tempfile.mkdtemp(); cfg = os.path.join(work, 'till.json'); db = os.path.join(work, 'x.db')
json.dump({"Till": {"Id": "till-1"}, "Panel": {"Socket": os.path.join(work, 'p.sock')}, "Backup": {"Keep": 0}}, open(cfg, 'w'))
log = os.path.join(work, 's.log')
svc = subprocess.Popen(['dotnet', dll, 'run', '--headless', '--config', cfg, '--db', db], stdout=subprocess.DEVNULL, stderr=open(log, 'w'))
while 'Panel socket listening' not in open(log).read(): time.sleep(0.1)
srv = 'idle-' + str(os.getpid())
def tmux(*a): return subprocess.run(['tmux', '-L', srv, *a], check=True, capture_output=True, text=True).stdout.strip()
tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'panel', f'exec dotnet {dll} panel --config {cfg} --db {db}')
tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'bare', f'exec dotnet {bare}')
pids = {n: int(tmux('display', '-p', '-t', n, '#{pane_pid}')) for n in ('panel', 'bare')}
time.sleep(10)
def cpu(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split(); return int(f[11]) + int(f[12])
tick = os.sysconf('SC_CLK_TCK'); before = {n: cpu(p) for n, p in pids.items()}; load0 = open('/proc/loadavg').read().split()[0]
time.sleep(seconds)
after = {n: cpu(p) for n, p in pids.items()}; load1 = open('/proc/loadavg').read().split()[0]
pct = {n: (after[n] - before[n]) / tick / seconds * 100 for n in pids}
print(f"idle: panel {pct['panel']:.2f} % of a core, bare window {pct['bare']:.2f} %, ratio {pct['panel'] / pct['bare']:.2f}; load {load0} -> {load1}; screen has 'Waiting for a card': {'Waiting for a card' in tmux('capture-pane', '-p', '-t', 'panel')}")
subprocess.run(['tmux', '-L', srv, 'kill-server']); svc.terminate(); svc.wait(30)
shutil.rmtree(work, ignore_errors=True); shutil.rmtree(bare_dir, ignore_errors=True)
