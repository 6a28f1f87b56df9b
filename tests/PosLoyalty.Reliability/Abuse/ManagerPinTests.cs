using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Abuse;

/// <summary>A manual points adjustment without the manager PIN, or with a wrong one, is refused, changes nothing and is audited.</summary>
[Trait("Category", "Slow")]
public sealed class ManagerPinTests : IDisposable
{
    private const string Card = "20000000042";
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Adjustment_without_the_manager_PIN_is_refused_and_audited()
    {
        cli.Enrol([(Card, "Anna Rossi")]);
        cli.MustRun("manager", "set-pin", "--new-pin", "482913");
        var before = cli.Scalar("SELECT points_balance FROM customers");

        var noPin = cli.Run("customers", "adjust", Card, "--points", "5000", "--reason", "friend of the cashier");
        Assert.Equal(1, noPin.ExitCode);
        Assert.StartsWith("posloyalty: ", noPin.Stderr, StringComparison.Ordinal);
        var wrongPin = cli.Run("customers", "adjust", Card, "--points", "5000", "--reason", "friend of the cashier", "--manager-pin", "000000");
        Assert.Equal(1, wrongPin.ExitCode);

        Assert.Equal(before, cli.Scalar("SELECT points_balance FROM customers"));
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM ledger WHERE reason = 'adjustment'"));
        Assert.Equal(2, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 0"));

        // The PIN itself works, and that too is audited.
        cli.MustRun("customers", "adjust", Card, "--points", "50", "--reason", "complaint: cold coffee", "--manager-pin", "482913");
        Assert.Equal(before + 50, cli.Scalar("SELECT points_balance FROM customers"));
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 1"));
        DatabaseInvariants.AssertHold(cli.DatabasePath);
    }
}
