using System.CommandLine;
using System.Globalization;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `receipts pending`, `receipts confirm ID` and `receipts drop ID`: the sales that wait for the cashier because the
/// reader was unsure of them or they are above `Till:ConfirmSalesAbove` (docs/adr/0010). They work on the live
/// database while the service runs; a confirm credits once, however often it is run.
/// </summary>
internal static class PendingReceiptsCommands
{
    public static Command Pending(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var command = new Command("pending", "sales waiting for the cashier: id, total, receipt number, time, customer, why");
        bind(command, (ctx, p) =>
        {
            var waiting = Store(ctx).Waiting();
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, waiting.Select(Json).ToArray());
                return ExitCodes.Ok;
            }

            if (waiting.Count == 0)
            {
                ctx.Output.WriteLine("no sales are waiting for the cashier");
                return ExitCodes.Ok;
            }

            foreach (var sale in waiting)
            {
                var customer = sale.CustomerId is { } id ? $"customer {id.Value} ({sale.CustomerName ?? "erased"})" : "no customer";
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sale.Id,6}  {sale.Total.Amount,10:0.00##} {sale.Total.Currency.Value}  receipt {sale.ReceiptNumber}  {sale.At:yyyy-MM-dd HH:mm}  till {sale.TillId}  {customer}  — {sale.Reason}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Confirm(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var id = Id();
        var command = new Command("confirm", "credit a waiting sale, once (a second confirm changes nothing)") { id };
        bind(command, (ctx, p) =>
        {
            // Coupons it earns print on their own slip from the service's queue where this till has a printer.
            var printCoupons = !string.IsNullOrWhiteSpace(ctx.Configuration["Printer:Device"]);
            var decision = Store(ctx).Confirm(ParseId(p.GetValue(id)), printCoupons);
            var text = !decision.Changed ? $"pending sale {decision.Sale.Id} was {State(decision.Sale.State)} before: nothing changed"
                : decision.Credited is { } outcome ? $"pending sale {decision.Sale.Id} (receipt {decision.Sale.ReceiptNumber}) confirmed: +{outcome.PointsEarned} points for customer {outcome.CustomerId.Value}, balance {outcome.PointsBalance}"
                : $"pending sale {decision.Sale.Id} (receipt {decision.Sale.ReceiptNumber}) confirmed: {(decision.Sale.CustomerId is null ? "kept unclaimed (no customer)" : "already recorded, nothing credited twice")}";
            return JsonOutput.Done(ctx, Decision(decision), text);
        });
        return command;
    }

    public static Command Drop(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var id = Id();
        var command = new Command("drop", "drop a waiting sale: it is never credited (audited)") { id };
        bind(command, (ctx, p) =>
        {
            var decision = Store(ctx).Drop(ParseId(p.GetValue(id)));
            var text = decision.Changed
                ? $"pending sale {decision.Sale.Id} (receipt {decision.Sale.ReceiptNumber}) dropped: nothing credited"
                : $"pending sale {decision.Sale.Id} was {State(decision.Sale.State)} before: nothing changed";
            return JsonOutput.Done(ctx, Decision(decision), text);
        });
        return command;
    }

    /// <summary>The JSON shape of one pending sale (also in `customers export`). Change it only by adding.</summary>
    public static object Json(PendingSaleView sale) => new
    {
        id = sale.Id,
        total = sale.Total.Amount,
        currency = sale.Total.Currency.Value,
        receiptNumber = sale.ReceiptNumber,
        till = sale.TillId,
        time = sale.At,
        customer = sale.CustomerId is { } id ? new { id = id.Value, name = sale.CustomerName } : null,
        kind = sale.Kind,
        confidence = Math.Round(sale.Confidence, 2),
        reason = sale.Reason,
        items = sale.ItemCount,
        state = State(sale.State),
        heldAt = sale.HeldAt,
        decidedAt = sale.DecidedAt,
    };

    private static object Decision(PendingDecision decision) => new
    {
        sale = Json(decision.Sale),
        changed = decision.Changed,
        credited = decision.Credited is { } outcome ? JsonOutput.Sale(outcome) : null,
    };

    private static PendingSales Store(CliContext ctx) => ctx.Get<PendingSales>();

    private static Argument<string> Id() => new("ID") { Description = "the pending sale's id, as `receipts pending` lists it" };

    private static long ParseId(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliException($"pending sale id '{text}' is not a number above 0: `posloyalty receipts pending` lists the ids");

    private static string State(PendingSaleState state) => state.ToString().ToLowerInvariant();
}
