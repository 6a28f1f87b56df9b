namespace PosLoyalty.Host.Tests.Panel;

/// <summary>The README's first command, on a terminal: the demo greets someone within 10 s and leaves nothing behind.</summary>
public sealed class DemoTmuxTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "posloyalty-demo-test-" + Guid.NewGuid().ToString("N")[..8]);

    public DemoTmuxTests() => Directory.CreateDirectory(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [TmuxFact]
    public void Demo_greets_a_customer_within_10_seconds_and_Q_removes_its_temporary_directory()
    {
        using var tmux = new Tmux($"TMPDIR={Tmux.Quote(temp)} {Tmux.Posloyalty("demo")}; echo demo-exit=$?");

        var shown = tmux.WaitFor(TimeSpan.FromSeconds(10), "Welcome back, Mrs Rossi", "Ask how her daughter's graduation went");
        Assert.True(shown < TimeSpan.FromSeconds(10));
        Assert.Single(Directory.GetDirectories(temp, "posloyalty-demo-*"));

        tmux.Keys("q");
        tmux.WaitFor(TimeSpan.FromSeconds(20), "demo-exit=0");
        Assert.Empty(Directory.GetDirectories(temp, "posloyalty-demo-*"));
        Assert.DoesNotContain("info:", tmux.Screen(), StringComparison.Ordinal);
    }
}
