using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PosLoyalty.Testing;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// CPU of an idle `posloyalty run --headless` (issue 13: ≤ 0.1 % of a core over 60 s). Each executable given is started
/// as systemd would (NOTIFY_SOCKET bound here, timed from READY=1) with a scanner on a pty, the receipt tap listening on
/// a loopback TCP port, a TCP printer (a loopback listener here that takes whatever comes) and the panel socket; nothing
/// is sent. After a settling pause, utime+stime from /proc/PID/stat over the window give the figure; with
/// <c>--idle-strace N</c>, `strace -c -f` counts the syscalls for N seconds first. Several executables (the commit
/// before a change and after it) alternate run by run, on the same configuration and machine.
/// </summary>
internal static partial class IdleCpu
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromMinutes(2);

    public static void Run(TextWriter json, TextWriter progress, IReadOnlyList<string> executables, int seconds, int runs, int straceSeconds)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(progress);
        var samples = executables.ToDictionary(e => e, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var executable in executables)
            {
                var sample = Measure(executable, seconds, straceSeconds, progress);
                samples[executable].Add(sample.CpuPercent);
                json.WriteLine(JsonSerializer.Serialize(new
                {
                    benchmark = "idle-cpu-sample",
                    executable,
                    run,
                    windowSeconds = Math.Round(sample.WindowSeconds, 1),
                    ticks = sample.Ticks,
                    cpuPercentOfOneCore = Math.Round(sample.CpuPercent, 3),
                    threads = sample.Threads,
                    straceSeconds,
                    syscalls = sample.Syscalls,
                    loadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[..3],
                }));
            }
        }

        foreach (var (executable, values) in samples)
        {
            json.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "idle-cpu",
                executable,
                runs = values.Count,
                windowSeconds = seconds,
                medianPercent = Math.Round(Percentile(values, 0.50), 3),
                p99Percent = Math.Round(Percentile(values, 0.99), 3),
                targetPercent = 0.1,
            }));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle cpu: {executable}: median {Percentile(values, 0.5):0.000} % of a core over {seconds} s ({values.Count} runs)"));
        }
    }

    private static Sample Measure(string executable, int seconds, int straceSeconds, TextWriter progress)
    {
        var work = Directory.CreateTempSubdirectory("posloyalty-idle-");
        using var printer = new TcpListener(IPAddress.Loopback, 0);
        printer.Start();
        using var stopPrinter = new CancellationTokenSource();
        var printerLoop = AcceptAndDiscardAsync(printer, stopPrinter.Token);
        using var scanner = PseudoTerminal.Open();
        var slavePath = scanner.SlavePath;
        Process? service = null;
        try
        {
            var config = Path.Combine(work.FullName, "till.json");
            File.WriteAllText(config, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["Scanner"] = new { Device = slavePath },
                ["ReceiptTap"] = new { Input = $"tcp://127.0.0.1:{FreePort()}" },
                ["Printer"] = new { Device = $"tcp://127.0.0.1:{((IPEndPoint)printer.LocalEndpoint).Port}" },
                ["Panel"] = new { Socket = Path.Combine(work.FullName, "panel.sock") },

                // The daily backup's first run is a minute after start, inside the window: it is not idle work.
                ["Backup"] = new { Keep = 0 },
            }));
            var notifyPath = Path.Combine(work.FullName, "notify");
            using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            notify.Bind(new UnixDomainSocketEndPoint(notifyPath));

            var start = executable.EndsWith(".dll", StringComparison.Ordinal)
                ? new ProcessStartInfo("dotnet") { ArgumentList = { executable } }
                : new ProcessStartInfo(executable);
            foreach (var arg in new[] { "run", "--headless", "--config", config, "--db", Path.Combine(work.FullName, "loyalty.db") })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["NOTIFY_SOCKET"] = notifyPath;

            // Relative paths (rules, receipt profiles) are looked up in the working directory first: each build
            // must use its own files beside its binary, not this checkout's.
            start.WorkingDirectory = work.FullName;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            service = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            service.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
            service.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
            service.BeginOutputReadLine();
            service.BeginErrorReadLine();
            WaitForReady(notify, service, executable, log);
            progress.WriteLine($"idle cpu: {executable} ready (pid {service.Id}); settling 5 s");
            Thread.Sleep(TimeSpan.FromSeconds(5));

            Dictionary<string, long>? syscalls = null;
            if (straceSeconds > 0)
            {
                syscalls = Strace(service.Id, straceSeconds, work.FullName);
            }

            var ticksBefore = CpuTicks(service.Id);
            var started = Stopwatch.GetTimestamp();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            var ticks = CpuTicks(service.Id) - ticksBefore;
            var window = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (service.HasExited)
            {
                throw new InvalidOperationException($"{executable} exited during the window (exit code {service.ExitCode})");
            }

            var threads = Directory.GetDirectories($"/proc/{service.Id}/task").Length;
            var percent = 100.0 * ticks / ClockTicksPerSecond() / window;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle cpu: {executable}: {ticks} ticks in {window:0.0} s = {percent:0.000} % of a core, {threads} threads"));
            return new Sample(window, ticks, percent, threads, syscalls);
        }
        finally
        {
            if (service is { HasExited: false })
            {
                service.Kill(entireProcessTree: true);
                service.WaitForExit();
            }

            service?.Dispose();
            stopPrinter.Cancel();
            printer.Stop();
            try
            {
                printerLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // stopped
            }

            work.Delete(recursive: true);
        }
    }

    private static void WaitForReady(Socket notify, Process service, string executable, IEnumerable<string> log)
    {
        var buffer = new byte[4096];
        notify.ReceiveTimeout = 500;
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyDeadline.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                if (Encoding.UTF8.GetString(buffer, 0, notify.Receive(buffer)).Contains("READY=1", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                if (service.HasExited || Stopwatch.GetTimestamp() > deadline)
                {
                    var why = service.HasExited ? $"exited with code {service.ExitCode}" : $"sent no READY=1 within {ReadyDeadline.TotalSeconds} s";
                    throw new InvalidOperationException($"{executable} {why}:\n{string.Join('\n', log.TakeLast(20))}", e);
                }
            }
        }
    }

    /// <summary>`strace -c -f -p PID` for the given seconds: calls per syscall, the "total" line included.</summary>
    private static Dictionary<string, long> Strace(int pid, int seconds, string work)
    {
        var output = Path.Combine(work, "strace.txt");
        using var strace = Process.Start(new ProcessStartInfo("strace", ["-c", "-f", "-o", output, "-p", pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start strace");
        strace.ErrorDataReceived += (_, _) => { };
        strace.BeginErrorReadLine();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        ProcessSignal.Send(strace.Id, ProcessSignal.Interrupt); // strace detaches and writes its summary
        strace.WaitForExit();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(output))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var calls))
            {
                counts[fields[^1]] = calls;
            }
        }

        return counts;
    }

    /// <summary>utime + stime of the whole process (proc_pid_stat(5) fields 14 and 15), in clock ticks.</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long ClockTicksPerSecond() => SysConf(2); // _SC_CLK_TCK

    private static async Task AcceptAndDiscardAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                connections.Add(Task.Run(
                    async () =>
                    {
                        using (client)
                        {
                            var buffer = new byte[4096];
                            var stream = client.GetStream();
                            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
                            {
                            }
                        }
                    },
                    cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    private sealed record Sample(double WindowSeconds, long Ticks, double CpuPercent, int Threads, Dictionary<string, long>? Syscalls);
}
