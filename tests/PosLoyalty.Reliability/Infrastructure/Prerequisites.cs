using System.Diagnostics;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>Whether the tools a test needs are here and work; each answer is the reason to skip, or null.</summary>
internal static class Prerequisites
{
    public const string Strace = "/usr/bin/strace";

    private static readonly Lazy<string?> StraceProblem = new(() =>
    {
        if (!File.Exists(Strace))
        {
            return "strace is not installed (apt-get install -y strace)";
        }

        // ptrace may be forbidden (a container without CAP_SYS_PTRACE, yama ptrace_scope 3): try it.
        return Works(Strace, "-f", "-o", "/dev/null", "-e", "inject=getpid:retval=42", "/bin/true") ? null : "strace is installed but cannot trace here (ptrace not permitted)";
    });

    private static readonly Lazy<string?> FaketimeProblem = new(() =>
    {
        var library = FaketimeLibrary;
        if (library is null)
        {
            return "libfaketime is not installed (apt-get install -y faketime)";
        }

        return null;
    });

    public static string? StraceMissing => StraceProblem.Value;

    public static string? FaketimeMissing => FaketimeProblem.Value;

    /// <summary>The LD_PRELOAD library of libfaketime, where the faketime package put it.</summary>
    public static string? FaketimeLibrary =>
        new[]
        {
            "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
            "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
            "/usr/lib/arm-linux-gnueabihf/faketime/libfaketime.so.1",
            "/usr/lib/faketime/libfaketime.so.1",
        }.FirstOrDefault(File.Exists);

    public static bool IsRoot => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal));

    private static bool Works(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            _ = p.StandardError.ReadToEnd();
            return p.WaitForExit(30_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
