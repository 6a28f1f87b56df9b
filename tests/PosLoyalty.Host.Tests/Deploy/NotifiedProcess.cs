using System.Collections.Concurrent;
using System.Diagnostics;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// `posloyalty run --headless` as a child with an environment of the test's choosing (NOTIFY_SOCKET, WATCHDOG_USEC),
/// started as systemd starts a unit's main process unless <c>asUnit</c> is false: with SYSTEMD_EXEC_PID set to its own
/// process id, by a shell that then execs it (so the id is the shell's, and signals reach the service itself).
/// </summary>
internal sealed class NotifiedProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    public NotifiedProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment, bool asUnit, params string[] args)
    {
        Started = Stopwatch.StartNew();
        // A unit's main process: a shell that sets SYSTEMD_EXEC_PID to its own id, then execs the service (so signals reach it).
        string[] wrapper = asUnit ? ["/bin/sh", "-c", "SYSTEMD_EXEC_PID=$$ exec \"$@\"", "sh"] : [];
        process = PosLoyaltyProcess.Start(workingDirectory, wrapper, environment, args);
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
        ProcessSignal.Send(process.Id, ProcessSignal.Terminate);
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
}
