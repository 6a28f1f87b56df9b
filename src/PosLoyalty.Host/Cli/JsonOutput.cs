using System.Text.Encodings.Web;
using System.Text.Json;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Cli;

/// <summary>The JSON shapes the CLI promises to scripts (docs/cli.md, issue #2). Change them only by adding.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, object document) =>
        output.WriteLine(JsonSerializer.Serialize(document, Options));

    /// <summary>Prints the JSON document with --json, else the line of text for a person.</summary>
    public static int Done(CliContext ctx, object json, string text)
    {
        if (ctx.Json)
        {
            JsonOutput.Write(ctx.Output, json);
        }
        else
        {
            ctx.Output.WriteLine(text);
        }

        return ExitCodes.Ok;
    }

    public static object Coupon(CouponView c) => new
    {
        code = c.Code.Value,
        reward = c.Reward,
        value = c.Value,
        currency = c.Currency,
        status = c.Status.ToString().ToLowerInvariant(),
        issuedAt = c.IssuedAt,
        expiresAt = c.ExpiresAt,
        redeemedAt = c.RedeemedAt,
        voidedAt = c.VoidedAt,
    };

    public static object Stamp(StampCardView s) => new { program = s.Program, name = s.Name, count = s.Count, owed = s.Owed, target = s.Target, reward = s.Reward };

    public static object Sale(SaleOutcome o) => new
    {
        receiptNumber = o.ReceiptNumber,
        till = o.TillId,
        customerId = o.CustomerId.Value,
        duplicate = o.Duplicate,
        pointsEarned = o.PointsEarned.Value,
        pointsBalance = o.PointsBalance.Value,
        stamps = o.Stamps.Select(Stamp),
        couponsIssued = o.CouponsIssued.Select(c => new { code = c.Code.Value, reward = c.Reward, value = c.Value, expiresAt = c.ExpiresAt }),
        tier = o.Tier.Name,
        nextTier = o.Tier.NextTier is null ? null : new { name = o.Tier.NextTier, spendNeeded = o.Tier.SpendToNextTier },
    };

    public static object Profile(CustomerProfile p, string? segment = null) => new
    {
        customerId = p.Customer.Id.Value,
        name = p.Customer.DisplayName,
        greeting = p.Customer.GreetingOrName,
        birthday = p.Customer.Birthday?.ToString(),
        anniversary = p.Customer.Anniversary?.ToString(),
        phone = p.Customer.Phone,
        email = p.Customer.Email,
        marketingConsent = new { given = p.Customer.Consent.Given, changedAt = p.Customer.Consent.ChangedAt },
        cards = p.Cards.Select(c => new { card = c.Number.Masked(), issuedAt = c.IssuedAt, replacedAt = c.ReplacedAt }),
        notes = p.Notes.Select(n => new { text = n.Text, pinned = n.Pinned, followUp = n.FollowUp, at = n.At }),
        pointsBalance = p.Balance.Value,
        visits = p.Visits,
        totalSpend = p.TotalSpend,
        lastVisitAt = p.LastVisitAt,
        enrolledAt = p.Customer.EnrolledAt,
        tier = p.Tier.Name,
        nextTier = p.Tier.NextTier is null ? null : new { name = p.Tier.NextTier, spendNeeded = p.Tier.SpendToNextTier },
        segment,
        stamps = p.Stamps.Select(Stamp),
        coupons = p.Coupons.Select(Coupon),
    };
}
