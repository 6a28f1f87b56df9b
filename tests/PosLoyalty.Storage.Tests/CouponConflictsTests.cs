using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Schema;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

/// <summary>Coupon conflicts a push found, on a real file: listed, counted until acknowledged, kept after.</summary>
public sealed class CouponConflictsTests
{
    [Fact]
    public void A_conflict_is_listed_and_counted_until_resolved_and_then_stays_in_the_history()
    {
        using var shop = new TestShop();
        var code = RedeemedHere(shop);
        var redeemedAt = shop.Clock.GetUtcNow();
        shop.Clock.Advance(TimeSpan.FromMinutes(5));
        var foundAt = shop.Clock.GetUtcNow();
        var outbox = new ChainOutbox(shop.Database);
        var conflicts = new CouponConflicts(shop.Database, shop.Clock);

        outbox.RecordCouponConflicts([(code.Value, "till-b")], foundAt);

        var listed = Assert.Single(conflicts.List(includeResolved: false));
        Assert.Equal(new CouponConflict(code, "till-b", redeemedAt, foundAt, null), listed);
        Assert.Equal(1, outbox.ReadState().Conflicts);

        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = conflicts.Resolve(code);

        Assert.Equal(shop.Clock.GetUtcNow(), resolved.ResolvedAt);
        Assert.Equal(0, outbox.ReadState().Conflicts);
        Assert.Empty(conflicts.List(includeResolved: false));
        Assert.Equal(resolved, Assert.Single(conflicts.List(includeResolved: true)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'coupon-conflict-resolve' AND detail LIKE $d", ("$d", $"coupon {code.Masked()} %till-b%")));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM audit WHERE detail LIKE $d", ("$d", $"%{code.Value[..8]}%"))); // the audit masks the code

        // A push repeated after a crash finds the same conflict again: it stays acknowledged. So does a second resolve.
        outbox.RecordCouponConflicts([(code.Value, "till-b")], shop.Clock.GetUtcNow());
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(resolved, conflicts.Resolve(code));
        Assert.Equal(0, outbox.ReadState().Conflicts);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'coupon-conflict-resolve'"));
    }

    [Fact]
    public void Resolving_a_code_without_a_conflict_names_the_code_and_changes_nothing()
    {
        using var shop = new TestShop();
        var code = RedeemedHere(shop);

        var refused = Assert.Throws<NotFoundException>(() => new CouponConflicts(shop.Database, shop.Clock).Resolve(code));

        Assert.Contains($"coupon {code.ToDisplayString()} has no conflict to resolve", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'coupon-conflict-resolve'"));
    }

    [Fact]
    public void Conflicts_kept_in_chain_state_by_the_earlier_version_move_to_the_table_still_counted()
    {
        var before = Migrations.Steps.ToList().FindIndex(s => s.Contains("CREATE TABLE coupon_conflicts", StringComparison.Ordinal));
        Assert.True(before > 0, "the step that adds coupon_conflicts");
        using var shop = new TestShop();
        var code = CouponCode.NewRandom();
        using (var c = shop.Raw())
        {
            Migrations.Apply(c, targetVersion: before);
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"""
                INSERT INTO chain_state (key, value) VALUES ('chain.last_push_at', '2026-03-02T10:00:00.000Z');
                INSERT INTO chain_state (key, value) VALUES ('chain.coupon_conflict:{code.Value}', 'conflict: coupon {code.Value} was redeemed here offline and already at till till-c of shop shop-2');
                """;
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        Assert.Equal(1, new ChainOutbox(shop.Database).ReadState().Conflicts);
        var moved = Assert.Single(new CouponConflicts(shop.Database, shop.Clock).List(includeResolved: false));
        Assert.Equal(new CouponConflict(code, "till-c of shop shop-2", null, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), null), moved);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM chain_state WHERE key LIKE 'chain.coupon%'"));
    }

    private static CouponCode RedeemedHere(TestShop shop)
    {
        var id = shop.Enrol("Ada", "CARD0001", birthday: MonthDay.Create(6, 4));
        var code = Assert.Single(shop.Buy(id, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        shop.Coupons.Redeem(code);
        return code;
    }
}
