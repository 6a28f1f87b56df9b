using System.Diagnostics;

namespace PosLoyalty.Host.Tests.Panel;

/// <summary>
/// A private tmux server (its own -L socket, so a developer's sessions are never touched) with one window of a
/// fixed size running a command; the test reads the screen with capture-pane and types with send-keys.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private readonly string server = "posloyalty-test-" + Guid.NewGuid().ToString("N")[..8];

    public Tmux(string command, int width = 120, int height = 40)
    {
        Run("new-session", "-d", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "panel", command + "; sleep 600");
    }

    public static bool IsAvailable { get; } = Probe();

    /// <summary>The command line that runs the real executable in the window (with the same dotnet as the tests).</summary>
    public static string Posloyalty(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "posloyalty.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return string.Join(' ', new[] { host, dll }.Concat(args).Select(Quote));
    }

    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public string Screen() => Run("capture-pane", "-p", "-t", "panel");

    public void Keys(params string[] keys) => Run(["send-keys", "-t", "panel", .. keys]);

    public void Type(string text) => Run("send-keys", "-t", "panel", "-l", text);

    /// <summary>A tmux format about the pane, e.g. #{alternate_on} (1 while the alternate screen is shown) or #{cursor_flag} (1 when the cursor is visible).</summary>
    public string Pane(string format) => Run("display-message", "-p", "-t", "panel", format).Trim();

    public void Resize(int width, int height) =>
        Run("resize-window", "-t", "panel", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Polls the screen until every text is on it; returns how long that took (a figure to report, not to assert).</summary>
    public TimeSpan WaitFor(TimeSpan timeout, params string[] texts)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout); // only catches a hang
        var screen = string.Empty;
        while (!deadline.IsCancellationRequested)
        {
            screen = Screen();
            if (texts.All(t => screen.Contains(t, StringComparison.Ordinal)))
            {
                return clock.Elapsed;
            }
        }

        throw new TimeoutException($"the screen did not show [{string.Join(", ", texts)}] within {timeout}; it shows:\n{screen}");
    }

    /// <summary>Polls the screen until the text is no longer on it.</summary>
    public void WaitUntilGone(TimeSpan timeout, string text)
    {
        using var deadline = new CancellationTokenSource(timeout); // only catches a hang
        var screen = Screen();
        while (screen.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"the screen still shows '{text}' after {timeout}:\n{screen}");
            }

            screen = Screen();
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private string Run(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(server);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A clean, known terminal type for what runs inside; nothing of the test's POSLOYALTY__* settings.
        start.Environment["TERM"] = "xterm-256color";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POSLOYALTY", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }
}
