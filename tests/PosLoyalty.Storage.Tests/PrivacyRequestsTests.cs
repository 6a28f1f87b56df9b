using System.Text;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class PrivacyRequestsTests
{
    [Fact]
    public void Export_holds_profile_notes_visits_with_items_ledger_coupons_and_audit()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada Lovelace", "CARD0001", birthday: MonthDay.Create(6, 4), phone: "+44 20 7946 0000", email: "ada@example.org");
        shop.Customers.AddNote(id, "likes oat milk", pinned: true);
        var outcome = shop.Buy(id, 7m, Item("Latte", 4m, sku: "LAT"), Item("Scone", 3m));
        shop.Manager.SetPin("2468", currentPin: null);
        shop.Manager.AdjustPoints(id, new Points(10), "goodwill", "2468");

        var export = shop.Privacy.Export(id);
        Assert.Equal("Ada Lovelace", export.Profile.DisplayName);
        Assert.Equal("+44 20 7946 0000", export.Profile.Phone);
        Assert.Equal("ada@example.org", export.Profile.Email);
        Assert.Equal(MonthDay.Create(6, 4), export.Profile.Birthday);
        Assert.Equal("CARD0001", Assert.Single(export.Cards).Number.Value);
        Assert.Equal("likes oat milk", Assert.Single(export.Notes).Text);

        var visit = Assert.Single(export.Visits);
        Assert.Equal(7m, visit.Total);
        Assert.Equal(["Latte", "Scone"], visit.Items.Select(i => i.Description));
        Assert.Equal("LAT", visit.Items[0].Sku);
        Assert.Equal(4m, visit.Items[0].Amount);

        Assert.Equal(shop.LedgerSum(id), export.Ledger.Sum(l => l.Delta));
        Assert.Contains(export.Ledger, l => l.Reason == "purchase" && l.ReceiptNumber == outcome.ReceiptNumber);
        Assert.Contains(export.Ledger, l => l.Reason == "adjustment" && l.Delta == 10);
        Assert.Equal(outcome.CouponsIssued.Select(c => c.Code), export.Coupons.Select(c => c.Code));
        Assert.Contains(export.StampEvents, s => s.Program == "coffee" && s.Reason == "stamp");
        Assert.Contains(export.Audit, a => a.Action == "points-adjust" && a.Allowed);
    }

    [Fact]
    public void Erase_leaves_no_trace_of_the_person_in_the_file()
    {
        using var shop = new TestShop();
        string[] secrets = ["Zebulon Quartermaine", "+44 7700 900123", "zebulon.q@example.org", "allergic to walnuts, asks for Zeb", "ZQCARD98765"];
        var other = shop.Enrol("Other Person", "CARD0002");
        var id = shop.Enrol(secrets[0], secrets[4], birthday: MonthDay.Create(6, 4), phone: secrets[1], email: secrets[2]);
        shop.Customers.AddNote(id, secrets[3], pinned: true);
        shop.Buy(id, 9m, Item("Latte", 9m, 2));
        shop.Buy(other, 4m);
        shop.Customers.Edit(id, new CustomerEdit { Greeting = "Zeb" });
        AssertFileContains(shop, secrets[0]);

        shop.Privacy.Erase(id);

        Assert.Throws<NotFoundException>(() => shop.Customers.GetProfile(id));
        Assert.Null(shop.Customers.FindByCard(CardNumber.Parse(secrets[4])));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM notes WHERE customer_id = $id", ("$id", id.Value)));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM cards WHERE customer_id = $id", ("$id", id.Value)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM customers WHERE id = $id AND display_name = '(erased)' AND phone IS NULL AND email IS NULL AND birthday IS NULL AND greeting IS NULL", ("$id", id.Value)));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM coupons WHERE customer_id = $id AND voided_at IS NULL AND redeemed_at IS NULL", ("$id", id.Value)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'erase' AND customer_id = $id", ("$id", id.Value)));

        // The rest of the shop is untouched.
        Assert.Equal("Other Person", shop.Customers.GetProfile(other).Customer.DisplayName);

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            var bytes = ReadShared(shop.DatabasePath + suffix);
            foreach (var secret in secrets.Append("Zeb"))
            {
                Assert.False(Contains(bytes, secret), $"'{secret}' is still in loyalty.db{suffix}");
            }
        }
    }

    [Fact]
    public void Merge_moves_cards_points_and_stamps_to_the_kept_customer()
    {
        using var shop = new TestShop();
        var keep = shop.Enrol("Ada Lovelace", "CARD0001");
        var duplicate = shop.Enrol("Ada L.", "CARD0002", phone: "+44 20 7946 0000");
        shop.Buy(keep, 40m, Item("Latte", 4m), Item("Cake", 36m));
        shop.Buy(duplicate, 25m, Item("Latte", 10m, 2), Item("Cake", 15m));
        var keepStamps = shop.Stamps(keep);
        var dupStamps = shop.Stamps(duplicate);
        var dupBalance = shop.Balance(duplicate);

        shop.Privacy.Merge(keep, duplicate);

        Assert.Equal(keep, shop.Customers.FindByCard(CardNumber.Parse("CARD0002"))!.CustomerId);
        Assert.Equal(keep, shop.Customers.Resolve("CARD0002"));
        var profile = shop.Customers.GetProfile(keep);
        Assert.Equal(2, profile.Cards.Count);
        Assert.Equal(new Points(40 + dupBalance), profile.Balance);
        Assert.Equal(2, profile.Visits);
        Assert.Equal(65m, profile.TotalSpend);
        Assert.Equal("+44 20 7946 0000", profile.Customer.Phone);
        Assert.Equal(keepStamps + dupStamps, shop.Stamps(keep));

        // Points move by a pair of ledger rows: both histories still add up.
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM ledger WHERE customer_id = $id AND reason = 'merge' AND delta = $d", ("$id", keep.Value), ("$d", dupBalance)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM ledger WHERE customer_id = $id AND reason = 'merge' AND delta = $d", ("$id", duplicate.Value), ("$d", -dupBalance)));
        Assert.Equal(0, shop.LedgerSum(duplicate));
        Assert.Equal(0, shop.BalancesOffTheLedger());
        Assert.Throws<NotFoundException>(() => shop.Customers.GetProfile(duplicate));
    }

    [Fact]
    public void Merging_a_customer_into_itself_is_refused()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        Assert.Throws<DomainValidationException>(() => shop.Privacy.Merge(id, id));
        Assert.Equal("Ada", shop.Customers.GetProfile(id).Customer.DisplayName);
    }

    private static void AssertFileContains(TestShop shop, string text)
    {
        var all = ReadShared(shop.DatabasePath).Concat(ReadShared(shop.DatabasePath + "-wal")).ToArray();
        Assert.True(Contains(all, text), "the test's own premise: the name was written to the file before erasure");
    }

    internal static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    internal static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
