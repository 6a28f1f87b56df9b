using System.CommandLine;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Cli;

/// <summary>`sales apply` (manual sale, migration) and `sales refund`.</summary>
internal static class SalesCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var sales = new Command("sales", "record sales and refunds by hand or from a script");
        sales.Subcommands.Add(Apply(bind));
        sales.Subcommands.Add(Refund(bind));
        return sales;
    }

    private static Option<string?> Till() => new("--till") { Description = "till id (default: config Till:Id)" };

    private static Option<string?> At() => new("--at") { Description = "when, ISO 8601 (default: now), e.g. 2026-03-14T09:30:00+01:00" };

    private static Command Apply(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var card = new Option<string>("--card") { Description = "the customer's card", Required = true };
        var receipt = new Option<string>("--receipt") { Description = "receipt number: with the till, it identifies the sale for life", Required = true };
        var total = new Option<string>("--total") { Description = "amount paid, e.g. 12.50", Required = true };
        var currency = new Option<string?>("--currency") { Description = "ISO 4217 (default: the rules' Currency)" };
        var till = Till();
        var at = At();
        var items = new Option<string[]>("--item") { Description = "\"SKU|description|qty|amount\", repeatable" };
        var command = new Command("apply", "apply a completed sale to a customer: points, stamps, tier, coupons, in one transaction") { card, receipt, total, currency, till, at, items };
        bind(command, (ctx, p) =>
        {
            var shop = ctx.Rules.ShopCurrency;
            var code = p.GetValue(currency) is { } given
                ? CurrencyCode.TryParse(given, out var parsed, out var error) ? parsed : throw new DomainValidationException("--currency: " + error)
                : shop;
            if (code != shop)
            {
                throw new DomainValidationException($"--currency {code} is not the shop's currency {shop} (Currency in the rules file)");
            }

            var sale = Sale.Create(
                p.GetValue(till) ?? TillId(ctx),
                p.GetValue(receipt)!,
                Money.Parse(p.GetValue(total)!, code),
                Parse.TimeOrNow("--at", p.GetValue(at), ctx.Time),
                (p.GetValue(items) ?? []).Select(i => SaleItem.Parse(i, code)).ToList());
            var cardNumber = Parse.Card("--card", p.GetValue(card));
            var customers = ctx.Get<CustomerRepository>();
            var customer = customers.Resolve(cardNumber.Value);
            var outcome = ctx.Get<SaleRecorder>().Apply(customer, sale);
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, JsonOutput.Sale(outcome));
                return ExitCodes.Ok;
            }

            if (outcome.Duplicate)
            {
                ctx.Output.WriteLine($"receipt {outcome.ReceiptNumber} on till {outcome.TillId} was already applied: nothing changed");
                return ExitCodes.Ok;
            }

            ctx.Output.WriteLine($"receipt {outcome.ReceiptNumber}: +{outcome.PointsEarned} points, balance {outcome.PointsBalance}, tier {outcome.Tier.Name ?? "-"}");
            foreach (var s in outcome.Stamps)
            {
                ctx.Output.WriteLine($"  {s.Name}: {StampCardText.Progress(s)}");
            }

            foreach (var c in outcome.CouponsIssued)
            {
                ctx.Output.WriteLine($"  coupon {c.Code.ToDisplayString()}: {c.Reward} (until {c.ExpiresAt:yyyy-MM-dd})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Refund(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var receipt = new Option<string>("--receipt") { Description = "receipt number of the sale to refund", Required = true };
        var till = Till();
        var at = At();
        var command = new Command("refund", "reverse what a sale earned (points, stamps, unused coupons)") { receipt, till, at };
        bind(command, (ctx, p) =>
        {
            var outcome = ctx.Get<SaleRecorder>().Refund(
                p.GetValue(till) ?? TillId(ctx),
                p.GetValue(receipt)!.Trim(),
                Parse.TimeOrNow("--at", p.GetValue(at), ctx.Time));
            return JsonOutput.Done(
                ctx,
                new
                {
                    receiptNumber = outcome.ReceiptNumber,
                    till = outcome.TillId,
                    customerId = outcome.CustomerId?.Value,
                    duplicate = outcome.Duplicate,
                    pointsChange = outcome.PointsChange.Value,
                    pointsBalance = outcome.PointsBalance.Value,
                    couponsVoided = outcome.CouponsVoided,
                },
                outcome.Duplicate
                    ? $"receipt {outcome.ReceiptNumber} was already refunded: nothing changed"
                    : $"receipt {outcome.ReceiptNumber} refunded: {outcome.PointsChange} points, {outcome.CouponsVoided.Count} coupons voided, balance {outcome.PointsBalance}");
        });
        return command;
    }

    private static string TillId(CliContext ctx) => ctx.Configuration["Till:Id"] is { Length: > 0 } id ? id : "till-1";
}
