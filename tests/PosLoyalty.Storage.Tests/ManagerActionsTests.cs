using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Storage.Tests;

public sealed class ManagerActionsTests
{
    [Fact]
    public void Adjustment_without_a_pin_set_is_refused_and_audited()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var ex = Assert.Throws<PinRefusedException>(() => shop.Manager.AdjustPoints(id, new Points(50), "goodwill for a spilt drink", "1234"));
        Assert.Contains("no manager PIN is set", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 0 AND customer_id = $id", ("$id", id.Value)));
        Assert.Equal(0, shop.Balance(id));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM ledger"));
    }

    [Theory]
    [InlineData("1111")]
    [InlineData(null)]
    public void Wrong_or_missing_pin_is_refused_and_audited(string? pin)
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Manager.SetPin("2468", currentPin: null);

        var ex = Assert.Throws<PinRefusedException>(() => shop.Manager.AdjustPoints(id, new Points(50), "goodwill", pin));
        Assert.Contains("recorded in the audit log", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 0 AND detail LIKE '%+50%goodwill%'"));
        Assert.Equal(0, shop.Balance(id));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM ledger"));
    }

    [Fact]
    public void Right_pin_adds_a_ledger_row_and_moves_the_balance()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Buy(id, 10m);
        shop.Manager.SetPin("2468", currentPin: null);

        var balance = shop.Manager.AdjustPoints(id, new Points(25), "goodwill", "2468");
        Assert.Equal(new Points(35), balance);
        Assert.Equal(35, shop.Balance(id));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM ledger WHERE customer_id = $id AND reason = 'adjustment' AND delta = 25 AND sale_id IS NULL", ("$id", id.Value)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 1"));

        Assert.Equal(new Points(5), shop.Manager.AdjustPoints(id, new Points(-30), "entered twice", "2468"));
        Assert.Equal(shop.LedgerSum(id), shop.Balance(id));
    }

    [Fact]
    public void Adjustment_needs_a_reason()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Manager.SetPin("2468", currentPin: null);
        var ex = Assert.Throws<DomainValidationException>(() => shop.Manager.AdjustPoints(id, new Points(5), " ", "2468"));
        Assert.Contains("reason", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM ledger"));
    }

    [Fact]
    public void Pin_is_stored_only_as_a_pbkdf2_hash()
    {
        using var shop = new TestShop();
        shop.Manager.SetPin("246813", currentPin: null);
        using var c = shop.Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM settings WHERE key = 'manager_pin'";
        var stored = (string)cmd.ExecuteScalar()!;
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("246813", stored, StringComparison.Ordinal);
        Assert.True(ManagerPin.Verify("246813", stored));
        Assert.False(ManagerPin.Verify("246814", stored));
    }

    [Fact]
    public void Changing_the_pin_needs_the_current_one()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Manager.SetPin("2468", currentPin: null);
        Assert.Throws<PinRefusedException>(() => shop.Manager.SetPin("1357", currentPin: null));
        Assert.Throws<PinRefusedException>(() => shop.Manager.SetPin("1357", currentPin: "0000"));
        Assert.Equal(2, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'pin-change' AND allowed = 0"));

        shop.Manager.SetPin("1357", currentPin: "2468");
        Assert.Equal(new Points(1), shop.Manager.AdjustPoints(id, new Points(1), "test", "1357"));
        Assert.Throws<PinRefusedException>(() => shop.Manager.AdjustPoints(id, new Points(1), "test", "2468"));
    }
}
