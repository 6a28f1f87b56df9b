using System.Globalization;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// What the till left in the database that store IT should know: receipts whose printed currency disagreed with
/// the shop's (sales.receipt_currency, last 30 days), and coupons still waiting for the printer (print_state
/// 'pending'). Read-only queries on the live database; the service may run meanwhile (WAL).
/// </summary>
internal sealed record DoctorTillChecks(
    IReadOnlyList<DoctorCurrencyMismatch> CurrencyMismatches,
    long CouponsPending,
    DateTimeOffset? OldestPendingIssuedAt,
    DateTimeOffset? NewestSaleAt,
    IReadOnlyList<string> Problems)
{
    public static readonly TimeSpan CurrencyWindow = TimeSpan.FromDays(30);

    public static DoctorTillChecks Read(LoyaltyDatabase database, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var problems = new List<string>();
        var mismatches = new List<DoctorCurrencyMismatch>();
        using var c = database.OpenConnection();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT receipt_currency, currency, COUNT(*), MAX(at) FROM sales
                WHERE receipt_currency IS NOT NULL AND receipt_currency <> currency AND at >= $since
                GROUP BY receipt_currency, currency ORDER BY COUNT(*) DESC
                """;
            cmd.Parameters.AddWithValue("$since", Stamp(now - CurrencyWindow));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                mismatches.Add(new DoctorCurrencyMismatch(r.GetString(0), r.GetString(1), r.GetInt64(2), Parse(r.GetString(3))));
            }
        }

        foreach (var m in mismatches)
        {
            problems.Add($"{m.Receipts} receipt(s) in the last 30 days printed {m.PrintedCurrency} while the shop's currency is {m.ShopCurrency} (last {m.LastAt:yyyy-MM-dd}): "
                + "the receipt profile reads the wrong currency, or the rules name the wrong one; check ReceiptTap:Profile (posloyalty receipts decode CAPTURE --profile NAME) and Currency in the loyalty rules");
        }

        long pending;
        DateTimeOffset? oldestPending;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT COUNT(*), MIN(issued_at) FROM coupons WHERE print_state = 'pending' AND voided_at IS NULL";
            using var r = cmd.ExecuteReader();
            r.Read();
            pending = r.GetInt64(0);
            oldestPending = r.IsDBNull(1) ? null : Parse(r.GetString(1));
        }

        if (pending > 0)
        {
            problems.Add($"{pending} coupon(s) wait for the printer (oldest issued {oldestPending:yyyy-MM-dd HH:mm} UTC): they print by themselves once the printer answers; "
                + "fix the printer (see above), or a manager can void one (posloyalty coupons void CODE) or hand the customer its code (posloyalty coupons list)");
        }

        DateTimeOffset? newestSale;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT MAX(at) FROM sales";
            newestSale = cmd.ExecuteScalar() is string s ? Parse(s) : null;
        }

        if (newestSale is { } newest && newest - now > TimeSpan.FromMinutes(5))
        {
            problems.Add($"the newest sale is dated {newest:yyyy-MM-dd HH:mm} UTC, after the clock's now ({now:yyyy-MM-dd HH:mm} UTC): the clock went back (a Pi without RTC or network time); fix the clock before the next sale");
        }

        return new DoctorTillChecks(mismatches, pending, oldestPending, newestSale, problems);
    }

    // The schema's time format: UTC, fixed width, so text order is time order (Migrations.cs).
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
