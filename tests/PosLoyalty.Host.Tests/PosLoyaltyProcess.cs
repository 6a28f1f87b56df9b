using System.Diagnostics;

namespace PosLoyalty.Host.Tests;

/// <summary>
/// Runs the real `posloyalty` executable as a child process, as a script or store IT would, optionally under a
/// wrapper (strace, faketime). Nothing from the test's POSLOYALTY* environment leaks in.
/// </summary>
internal static class PosLoyaltyProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "posloyalty.dll");

    public static string DotnetHost => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    public static CliResult Run(string workingDirectory, params string[] args) => RunWrapped(workingDirectory, [], null, args);

    /// <summary>Runs <c>wrapper… dotnet posloyalty.dll args…</c> with extra environment variables, to completion.</summary>
    public static CliResult RunWrapped(string workingDirectory, IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, wrapper, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"posloyalty {string.Join(' ', args)} did not finish in {Timeout}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the executable and leaves it running (for commands that wait, or to be killed).</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, [], null, args);

    public static Process Start(string workingDirectory, IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var w in wrapper.Skip(1))
        {
            start.ArgumentList.Add(w);
        }

        if (wrapper.Count > 0)
        {
            start.ArgumentList.Add(DotnetHost);
        }

        start.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The shipped settings point at /var/lib; tests always pass --db, and nothing from the
        // environment may leak in: neither our settings nor, when the tests themselves run under systemd, its
        // notify socket and watchdog (a test that wants them passes them in environment).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POSLOYALTY", StringComparison.Ordinal) || k is "NOTIFY_SOCKET" or "WATCHDOG_USEC" or "WATCHDOG_PID" or "JOURNAL_STREAM" or "INVOCATION_ID" or "SYSTEMD_EXEC_PID").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
