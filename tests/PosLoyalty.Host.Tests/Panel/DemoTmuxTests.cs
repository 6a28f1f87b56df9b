using Xunit.Abstractions;

namespace PosLoyalty.Host.Tests.Panel;

/// <summary>The README's first command, on a terminal: the demo greets a regular and leaves nothing behind.</summary>
[Trait("Category", "Slow")]
public sealed class DemoTmuxTests(ITestOutputHelper output) : IDisposable
{
    // Only catches a hang: the simulated till scans every few seconds, a loaded machine may take longer.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string temp = Path.Combine(Path.GetTempPath(), "posloyalty-demo-test-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [TmuxFact]
    public void Demo_greets_a_customer_and_Q_removes_its_temporary_directory()
    {
        Directory.CreateDirectory(temp);
        using var tmux = new Tmux($"TMPDIR={Tmux.Quote(temp)} {Tmux.Posloyalty("demo")}; echo demo-exit=$?");

        var shown = tmux.WaitFor(Patience, "Welcome back, Mrs Rossi", "Ask how her daughter's graduation went");
        output.WriteLine($"FIGURES demo-greeting: demo started → first greeting on screen in {shown.TotalMilliseconds:0} ms");
        Assert.Single(Directory.GetDirectories(temp, "posloyalty-demo-*"));

        tmux.Keys("q");
        tmux.WaitFor(Patience, "demo-exit=0");
        Assert.Empty(Directory.GetDirectories(temp, "posloyalty-demo-*"));
        Assert.DoesNotContain("info:", tmux.Screen(), StringComparison.Ordinal);
    }
}
