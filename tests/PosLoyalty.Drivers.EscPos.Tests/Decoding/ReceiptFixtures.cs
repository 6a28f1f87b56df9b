using System.Text.Json;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>The receipt captures in Fixtures/receipts and what expected.json says each holds.</summary>
internal static class ReceiptFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts");

    public static IReadOnlyList<string> Files =>
        System.IO.Directory.GetFiles(Directory, "*.bin").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    public static IReadOnlyList<ExpectedReceipt> Expected(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")));
        JsonElement entry = document.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        string currency = entry.GetProperty("currency").GetString() ?? string.Empty;
        return entry.GetProperty("receipts").EnumerateArray()
            .Select(r => new ExpectedReceipt(
                currency,
                r.GetProperty("total").ValueKind == JsonValueKind.Null ? null : r.GetProperty("total").GetString(),
                r.GetProperty("receiptNumber").ValueKind == JsonValueKind.Null ? null : r.GetProperty("receiptNumber").GetString()))
            .ToArray();
    }

    public static IEnumerable<object[]> FileNames() => Files.Select(f => new object[] { f });
}
