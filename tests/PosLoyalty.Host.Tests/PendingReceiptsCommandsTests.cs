using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Tests;

/// <summary>`receipts pending`, `receipts confirm ID` and `receipts drop ID` through the real executable, on a real file.</summary>
public sealed class PendingReceiptsCommandsTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");
    private readonly CliFixture cli = new();
    private readonly long anna;

    public PendingReceiptsCommandsTests()
    {
        anna = cli.RunJson("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--greeting", "Mrs Rossi").Json().GetProperty("customerId").GetInt64();
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Pending_lists_each_waiting_sale_with_id_total_receipt_number_time_and_customer()
    {
        var held = Hold("R5001", 250m, anna);
        Hold("R5002", 75.5m, null);

        var listed = cli.RunJson("receipts", "pending").Json();

        Assert.Equal(2, listed.GetArrayLength());
        var first = listed[0];
        Assert.Equal(held, first.GetProperty("id").GetInt64());
        Assert.Equal(250m, first.GetProperty("total").GetDecimal());
        Assert.Equal("EUR", first.GetProperty("currency").GetString());
        Assert.Equal("R5001", first.GetProperty("receiptNumber").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)), first.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(anna, first.GetProperty("customer").GetProperty("id").GetInt64());
        Assert.Equal("Mrs Rossi", first.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("total 250.00 above 200.00", first.GetProperty("reason").GetString());
        Assert.Equal("pending", first.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed[1].GetProperty("customer").ValueKind);

        var text = cli.MustRun("receipts", "pending").Stdout;
        Assert.Contains("receipt R5001", text, StringComparison.Ordinal);
        Assert.Contains("customer " + anna, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_credits_once_and_a_second_confirm_changes_nothing()
    {
        var held = Hold("R5001", 250m, anna);

        var confirmed = cli.RunJson("receipts", "confirm", held.ToString(System.Globalization.CultureInfo.InvariantCulture)).Json();
        var shown = cli.RunJson("customers", "show", AnnaCard).Json();
        var before = cli.Fingerprint();
        var again = cli.RunJson("receipts", "confirm", held.ToString(System.Globalization.CultureInfo.InvariantCulture)).Json();

        Assert.True(confirmed.GetProperty("changed").GetBoolean());
        Assert.Equal("confirmed", confirmed.GetProperty("sale").GetProperty("state").GetString());
        Assert.Equal(250, confirmed.GetProperty("credited").GetProperty("pointsEarned").GetInt64());
        Assert.Equal(1, shown.GetProperty("visits").GetInt32());
        Assert.Equal(confirmed.GetProperty("credited").GetProperty("pointsBalance").GetInt64(), shown.GetProperty("pointsBalance").GetInt64());
        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal(before, cli.Fingerprint());
        Assert.Equal(0, cli.RunJson("receipts", "pending").Json().GetArrayLength());
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-confirmed'"));
    }

    [Fact]
    public void Drop_credits_nothing_and_is_audited()
    {
        var held = Hold("R5001", 250m, anna);

        var dropped = cli.MustRun("receipts", "drop", held.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("dropped", dropped.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(0, cli.RunJson("customers", "show", AnnaCard).Json().GetProperty("pointsBalance").GetInt64());
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-dropped'"));
        Assert.Contains("nothing changed", cli.MustRun("receipts", "confirm", held.ToString(System.Globalization.CultureInfo.InvariantCulture)).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Unknown_id_exits_3_and_a_bad_id_exits_1_naming_it()
    {
        Hold("R5001", 250m, anna);
        var before = cli.Fingerprint();

        var unknown = cli.Run("receipts", "confirm", "999");
        var bad = cli.Run("receipts", "drop", "abc");
        var negative = cli.Run("receipts", "confirm", "-4");

        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("999", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("'abc'", bad.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, negative.ExitCode);
        Assert.Equal(before, cli.Fingerprint());
    }

    [Fact]
    public void Export_shows_a_customers_pending_sale()
    {
        var held = Hold("R5001", 250m, anna);

        var export = cli.RunJson("customers", "export", AnnaCard).Json();

        Assert.Equal(held, export.GetProperty("pendingSales")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public void Decode_reports_needs_confirmation_from_the_configured_limit()
    {
        var capture = Path.Combine(cli.Directory, "sale.bin");
        File.WriteAllBytes(capture, new Drivers.EscPos.EscPosEncoder()
            .Initialize().Line("Receipt # 7001").Line("Latte            250.00").Bold(true).Line("TOTAL            250.00").Bold(false).FeedAndCut().ToArray());
        var config = Path.Combine(cli.Directory, "limit.json");
        File.WriteAllText(config, """{ "Till": { "ConfirmSalesAbove": 200 } }""");

        var plain = cli.RunJson("receipts", "decode", capture).Json();
        var limited = cli.RunJson("receipts", "decode", capture, "--config", config).Json();

        Assert.Equal(250m, limited[0].GetProperty("total").GetDecimal());
        Assert.False(plain[0].GetProperty("needsConfirmation").GetBoolean());
        Assert.True(limited[0].GetProperty("needsConfirmation").GetBoolean());
    }

    [Theory]
    [InlineData("""{ "Till": { "ConfirmSalesAbove": -5 } }""", "Till:ConfirmSalesAbove")]
    [InlineData("""{ "Till": { "ConfirmSalesAbove": "lots" } }""", "ConfirmSalesAbove")]
    [InlineData("""{ "ReceiptTap": { "ConfirmBelowConfidence": 1.5 } }""", "ReceiptTap:ConfirmBelowConfidence")]
    public void A_bad_confirmation_setting_stops_start_up_with_exit_4_naming_the_key(string settings, string key)
    {
        var config = Path.Combine(cli.Directory, "bad.json");
        File.WriteAllText(config, settings);

        var result = cli.Run("run", "--headless", "--config", config);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(key, result.Stderr, StringComparison.Ordinal);
    }

    private long Hold(string receipt, decimal total, long? customer)
    {
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kiosk-config", "loyalty.json")), "test rules");
        var database = LoyaltyDatabase.Open(cli.DatabasePath);
        var recorder = new SaleRecorder(database, rules, TimeProvider.System);
        var sale = Sale.Create("till-1", receipt, new Money(total, Eur), new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)), [new SaleItem(null, "Espresso machine", 1, new Money(total, Eur))]);
        var why = new Domain.Receipts.ReceiptConfirmationPolicy(0.6, 200m).WhyConfirm(total, 1d) ?? "confidence 0.40 below 0.60";
        var hold = new PendingSales(database, recorder, rules, TimeProvider.System)
            .Hold(sale, customer is { } id ? new CustomerId(id) : null, "sale", 1d, why, SaleRecording.Receipt(null, printCoupons: false));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return hold.Sale!.Id;
    }
}
