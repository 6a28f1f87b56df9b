using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Host.Tests;

/// <summary>`posloyalty receipts decode` through the real executable, on the shared captures and on captures of our own.</summary>
public sealed class ReceiptsDecodeTests : IDisposable
{
    private static readonly Regex UnmaskedCardNumber = new(@"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,4}");

    private readonly CliFixture _cli = new();

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts");

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureDirectory, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void All_eight_shared_captures_are_copied_into_the_test_output()
    {
        Assert.Equal(8, FixtureFiles().Count);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_shared_capture_decodes_to_its_expected_totals_numbers_items_and_flags(string file)
    {
        var expected = Expected(file);

        var receipts = Decode(Path.Combine(FixtureDirectory, file));

        Assert.Equal(expected.Count, receipts.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var got = receipts[i];
            var because = $"{file} receipt {i + 1}";
            Assert.True(Total(got) == Decimal(want, "total"), $"{because}: total {Total(got)}, expected {Text(want, "total")}");
            Assert.Equal(Text(want, "receiptNumber"), got.GetProperty("receiptNumber").GetString());
            Assert.Equal(want.GetProperty("itemCount").GetInt32(), got.GetProperty("items").GetArrayLength());
            Assert.Equal(Flag(want, "refund"), got.GetProperty("refund").GetBoolean());
            Assert.Equal(Flag(want, "copy"), got.GetProperty("copy").GetBoolean());
            Assert.Equal(Flag(want, "kitchen"), got.GetProperty("kitchen").GetBoolean());
            Assert.Equal(Flag(want, "kitchen"), got.GetProperty("total").ValueKind == JsonValueKind.Null);
            var text = got.GetProperty("text").GetString()!;
            Assert.DoesNotMatch(UnmaskedCardNumber, text);
            if (Flag(want, "fullPanPrinted"))
            {
                Assert.Contains("**** **** **** 1111", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Items_carry_description_quantity_and_amount()
    {
        var receipt = Assert.Single(Decode(Path.Combine(FixtureDirectory, "005-sv-SE-receiptline-escpos.bin")));

        var item = Assert.Single(receipt.GetProperty("items").EnumerateArray());
        Assert.Equal("Räksmörgås", item.GetProperty("description").GetString());
        Assert.Equal(2m, item.GetProperty("quantity").GetDecimal());
        Assert.Equal(2469.12m, item.GetProperty("amount").GetDecimal());
        Assert.Equal("kr", receipt.GetProperty("currency").GetString());
    }

    [Fact]
    public void German_capture_with_QR_code_and_girocard_reads_the_sum_and_masks_the_card()
    {
        var receipt = Assert.Single(DecodeBytes("de.bin", ReceiptCaptures.German()));

        Assert.Equal(8.31m, Total(receipt));
        Assert.Equal("EUR", receipt.GetProperty("currency").GetString());
        Assert.Equal("4711", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(new List<string> { "Brezel", "Roggenbrot 750g", "Apfelsaft 1L" }, Descriptions(receipt));
        Assert.Equal(3m, receipt.GetProperty("items")[2].GetProperty("quantity").GetDecimal());
        Assert.Equal("card", receipt.GetProperty("paymentType").GetString());
        Assert.Contains("**** **** **** 4444", receipt.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", receipt.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void French_capture_reads_the_amount_due_not_the_net_total()
    {
        var receipt = Assert.Single(DecodeBytes("fr.bin", ReceiptCaptures.French()));

        Assert.Equal(8.70m, Total(receipt));
        Assert.Equal("EUR", receipt.GetProperty("currency").GetString());
        Assert.Equal("000812", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(3, receipt.GetProperty("items").GetArrayLength());
        Assert.Contains("CAFÉ DE LA GARE", receipt.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Polish_fiscal_capture_reads_suma_pln_and_three_items()
    {
        var receipt = Assert.Single(DecodeBytes("pl.bin", ReceiptCaptures.Polish()));

        Assert.Equal(18.20m, Total(receipt));
        Assert.Equal("PLN", receipt.GetProperty("currency").GetString());
        Assert.Equal("4412", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(new List<string> { "Chleb żytni", "Bułka", "Kawa" }, Descriptions(receipt));
        Assert.Equal(3m, receipt.GetProperty("items")[1].GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public void Czech_capture_reads_the_amount_due_including_VAT()
    {
        var receipt = Assert.Single(DecodeBytes("cs.bin", ReceiptCaptures.Czech()));

        Assert.Equal(74.90m, Total(receipt));
        Assert.Equal("CZK", receipt.GetProperty("currency").GetString());
        Assert.Equal("2026/0315", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(2, receipt.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Hungarian_capture_reads_forints_without_decimals()
    {
        var receipt = Assert.Single(DecodeBytes("hu.bin", ReceiptCaptures.Hungarian()));

        Assert.Equal(2360m, Total(receipt));
        Assert.Equal("HUF", receipt.GetProperty("currency").GetString());
        Assert.Equal("0012/00345", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(3, receipt.GetProperty("items").GetArrayLength());
        Assert.Equal("2026-03-14", receipt.GetProperty("date").GetString());
    }

    [Fact]
    public void Spanish_stream_holds_a_sale_a_refund_and_a_reprint_in_order()
    {
        var receipts = DecodeBytes("es.bin", ReceiptCaptures.SpanishSaleRefundAndReprint());

        Assert.Equal(3, receipts.Count);
        Assert.Equal([4.30m, -2.50m, 4.30m], receipts.Select(Total));
        Assert.Equal(["T-1203", "T-1204", "T-1203"], receipts.Select(r => r.GetProperty("receiptNumber").GetString()));
        Assert.Equal([false, true, false], receipts.Select(r => r.GetProperty("refund").GetBoolean()));
        Assert.Equal([false, false, true], receipts.Select(r => r.GetProperty("copy").GetBoolean()));
        Assert.All(receipts, r => Assert.DoesNotMatch(UnmaskedCardNumber, r.GetProperty("text").GetString()!));
    }

    [Fact]
    public void Without_json_a_person_gets_a_readable_summary()
    {
        var result = _cli.Run("receipts", "decode", Path.Combine(FixtureDirectory, "008-multi-kitchen.bin"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 receipt(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not a sale", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("27.21 kr", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_capture_file_is_one_clear_line_and_a_non_zero_exit()
    {
        var result = _cli.Run("receipts", "decode", Path.Combine(_cli.Directory, "nope.bin"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.bin", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Unknown_profile_names_the_profile_and_the_built_in_ones()
    {
        var result = _cli.Run("receipts", "decode", Path.Combine(FixtureDirectory, "001-en-US-epson-tm-t88vi.bin"), "--profile", "epson", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'epson'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("default, star", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_file_with_an_unknown_key_is_a_configuration_error_naming_the_key()
    {
        var profile = Path.Combine(_cli.Directory, "shop.json");
        File.WriteAllText(profile, """{ "TotalLabel": ["TOTAL"] }""");

        var result = _cli.Run("receipts", "decode", Path.Combine(FixtureDirectory, "001-en-US-epson-tm-t88vi.bin"), "--profile", profile, "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("TotalLabel", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shops_own_profile_file_changes_what_is_read()
    {
        var profile = Path.Combine(_cli.Directory, "us.json");
        File.WriteAllText(profile, """{ "CurrencySymbols": { "$": "USD" }, "DateOrder": "MonthDayYear" }""");

        var receipt = Assert.Single(Decode(Path.Combine(FixtureDirectory, "001-en-US-epson-tm-t88vi.bin"), "--profile", profile));

        Assert.Equal("USD", receipt.GetProperty("currency").GetString());
    }

    [Fact]
    public void Star_line_mode_capture_decodes_with_the_star_profile_and_the_reprint_is_a_copy()
    {
        var path = Path.Combine(_cli.Directory, "star.bin");
        File.WriteAllBytes(path, ReceiptCaptures.StarTwoReceipts());

        var receipts = Decode(path, "--profile", "star");

        Assert.Equal(2, receipts.Count);
        Assert.All(receipts, r => Assert.Equal(6.50m, Total(r)));
        Assert.All(receipts, r => Assert.Equal("88017", Text(r, "receiptNumber")));
        Assert.False(receipts[0].GetProperty("copy").GetBoolean());
        Assert.True(receipts[1].GetProperty("copy").GetBoolean());
        Assert.Equal(2, receipts[0].GetProperty("items").GetArrayLength());
        Assert.DoesNotContain("88017\u001e", receipts[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_code_page_is_refused()
    {
        var result = _cli.Run("receipts", "decode", Path.Combine(FixtureDirectory, "001-en-US-epson-tm-t88vi.bin"), "--code-page", "99999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--code-page", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("star")]
    public void Shipped_profile_files_hold_the_built_in_values(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "kiosk-config", "receipt-profiles", name + ".json");
        var shipped = ReceiptProfileReader.Parse(File.ReadAllText(path), path, name);
        var builtIn = BuiltInReceiptProfiles.Find(name)!;

        Assert.Equal(builtIn.Name, shipped.Name);
        Assert.Equal(builtIn.Dialect, shipped.Dialect);
        Assert.Equal(builtIn.DecimalSeparator, shipped.DecimalSeparator);
        Assert.Equal(builtIn.DateOrder, shipped.DateOrder);
        foreach (var property in typeof(ReceiptProfile).GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<string>)))
        {
            Assert.Equal((IReadOnlyList<string>)property.GetValue(builtIn)!, (IReadOnlyList<string>)property.GetValue(shipped)!);
        }

        Assert.Equal(builtIn.CurrencySymbols.OrderBy(p => p.Key, StringComparer.Ordinal), shipped.CurrencySymbols.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private List<JsonElement> DecodeBytes(string name, byte[] capture)
    {
        var path = Path.Combine(_cli.Directory, name);
        File.WriteAllBytes(path, capture);
        return Decode(path);
    }

    private List<JsonElement> Decode(string path, params string[] extra)
    {
        var result = _cli.RunJson(["receipts", "decode", path, .. extra]);
        return result.Json().EnumerateArray().ToList();
    }

    private static IReadOnlyList<JsonElement> Expected(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, "expected.json")));
        return doc.RootElement.EnumerateArray()
            .Single(e => e.GetProperty("file").GetString() == file)
            .GetProperty("receipts").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    private static decimal? Total(JsonElement receipt) =>
        receipt.GetProperty("total").ValueKind == JsonValueKind.Null ? null : receipt.GetProperty("total").GetDecimal();

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Decimal(JsonElement e, string name) =>
        Text(e, name) is { } s ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static List<string> Descriptions(JsonElement receipt) =>
        receipt.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString() ?? string.Empty).ToList();
}
