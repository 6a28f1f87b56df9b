namespace PosLoyalty.Host.Tests;

/// <summary>`raffle draw` through the real executable.</summary>
public sealed class RaffleCommandsTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_month_is_drawn_once_among_its_visitors_and_a_second_draw_names_the_first()
    {
        cli.RunJson("customers", "add", "--card", "3001", "--name", "Anna");
        cli.RunJson("customers", "add", "--card", "3002", "--name", "Ben");
        cli.RunJson("customers", "add", "--card", "3003", "--name", "Not In March");
        cli.RunJson("sales", "apply", "--card", "3001", "--receipt", "R1", "--total", "5.00", "--at", "2025-03-03T10:00:00+01:00");
        cli.RunJson("sales", "apply", "--card", "3002", "--receipt", "R2", "--total", "5.00", "--at", "2025-03-31T23:30:00+02:00");
        cli.RunJson("sales", "apply", "--card", "3002", "--receipt", "R3", "--total", "5.00", "--at", "2025-03-20T10:00:00+01:00");

        // Local 1 April 00:30, still 31 March in UTC: an April visit, not a March one.
        cli.RunJson("sales", "apply", "--card", "3003", "--receipt", "R4", "--total", "5.00", "--at", "2025-04-01T00:30:00+02:00");

        var draw = cli.RunJson("raffle", "draw", "--month", "2025-03").Json();
        Assert.Equal(2, draw.GetProperty("entrants").GetInt64());
        var winner = draw.GetProperty("winnerCustomerId").GetInt64();
        Assert.InRange(winner, 1, 2);

        var again = cli.Run("raffle", "draw", "--month", "2025-03");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already drawn", again.Stderr, StringComparison.Ordinal);
        Assert.Contains($"winner customer {winner}", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_month_is_refused_with_the_format()
    {
        var result = cli.Run("raffle", "draw", "--month", "March");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("YYYY-MM", result.Stderr, StringComparison.Ordinal);
    }
}
