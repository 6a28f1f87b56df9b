namespace PosLoyalty.Chain.Tests;

public sealed class UnreachableWarningsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_outage_warns_at_the_first_three_attempts_then_once_a_minute()
    {
        var warnings = new UnreachableWarnings();

        // Attempts every 10 s (the back-off's cap) for five minutes: 31 attempts.
        var warned = Enumerable.Range(0, 31).Select(i => warnings.Failed(Start + TimeSpan.FromSeconds(10 * i))).ToList();

        Assert.Equal([true, true, true], warned.Take(3));
        var warnedAt = warned.Select((w, i) => (w, seconds: 10 * i)).Where(x => x.w).Select(x => x.seconds).ToList();
        Assert.Equal([0, 10, 20, 80, 140, 200, 260], warnedAt);
        Assert.Equal(31, warnings.Failures);
    }

    [Fact]
    public void A_success_starts_the_next_outage_afresh()
    {
        var warnings = new UnreachableWarnings();
        for (var i = 0; i < 5; i++)
        {
            warnings.Failed(Start + TimeSpan.FromSeconds(i));
        }

        warnings.Succeeded();

        Assert.Equal(0, warnings.Failures);
        Assert.True(warnings.Failed(Start + TimeSpan.FromSeconds(6)));
        Assert.True(warnings.Failed(Start + TimeSpan.FromSeconds(7)));
        Assert.True(warnings.Failed(Start + TimeSpan.FromSeconds(8)));
        Assert.False(warnings.Failed(Start + TimeSpan.FromSeconds(9)));
    }
}
