using System.Diagnostics;

namespace PosLoyalty.Host.Tests;

/// <summary>Runs the real `posloyalty` executable as a child process, as a script or store IT would.</summary>
internal static class PosLoyaltyProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"posloyalty {string.Join(' ', args)} did not finish in {Timeout}");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the executable and leaves it running (for commands that wait on a device).</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "posloyalty.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The shipped settings point at /var/lib; tests always pass --db, and nothing from the
        // environment may leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POSLOYALTY", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        return Process.Start(start)!;
    }
}
