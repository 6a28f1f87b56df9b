using System.Collections.Concurrent;
using System.Diagnostics;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>`posloyalty run --headless` as a child process, with its stderr log collected for the test to wait on.</summary>
internal sealed class RunningService : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    public RunningService(string workingDirectory, params string[] args)
        : this(workingDirectory, [], null, args)
    {
    }

    public RunningService(string workingDirectory, IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        process = PosLoyaltyProcess.Start(workingDirectory, wrapper, environment, ["run", "--headless", .. args]);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue("stdout: " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string Log => string.Join('\n', log);

    public bool HasExited => process.HasExited;

    public int LogLineCount => log.Count;

    /// <summary>Waits for a log line containing <paramref name="text"/>, counting only lines after the first <paramref name="skip"/>.</summary>
    public void WaitForLog(string text, TimeSpan timeout, int skip = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (log.Skip(skip).Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"posloyalty run exited ({process.ExitCode}) before logging '{text}':\n{Log}");
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException($"posloyalty run did not log '{text}' within {timeout}:\n{Log}");
    }

    /// <summary>kill -9: no shutdown code runs, as when the plug is pulled.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        process.Dispose();
    }
}
