using System.Collections.Concurrent;
using System.Diagnostics;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// `posloyalty run --headless` as a child with an environment of the test's choosing (NOTIFY_SOCKET, WATCHDOG_USEC),
/// started as systemd starts a unit's main process unless <c>asUnit</c> is false: with SYSTEMD_EXEC_PID set to its own
/// process id, by a shell that then execs it (so the id is the shell's, and signals reach the service itself).
/// </summary>
internal sealed partial class NotifiedProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    public NotifiedProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment, bool asUnit, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "posloyalty.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(asUnit ? "/bin/sh" : host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUnit)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("SYSTEMD_EXEC_PID=$$ exec \"$@\"");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(host);
        }

        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POSLOYALTY", StringComparison.Ordinal) || k is "NOTIFY_SOCKET" or "WATCHDOG_USEC" or "WATCHDOG_PID" or "JOURNAL_STREAM" or "INVOCATION_ID" or "SYSTEMD_EXEC_PID").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Started = Stopwatch.StartNew();
        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Running since just before the process was started.</summary>
    public Stopwatch Started { get; }

    public int Id => process.Id;

    public string Log => string.Join('\n', log);

    /// <summary>SIGTERM, as `systemctl stop` sends; waits for the exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        Assert.Equal(0, kill(process.Id, 15));
        Assert.True(process.WaitForExit(timeout), "posloyalty run did not exit after SIGTERM:\n" + Log);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
