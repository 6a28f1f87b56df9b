using System.CommandLine;
using System.Globalization;
using System.Text;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `receipts decode FILE [--profile NAME] [--code-page N]`: what the receipt tap would read from a capture of the
/// POS's printer bytes, receipt by receipt. Store IT checks a profile against their own POS with it. Card numbers
/// are masked before anything is printed; the capture is only read.
/// </summary>
internal static class ReceiptsCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var receipts = new Command("receipts", "read sales from captured receipt printer bytes; confirm or drop sales waiting for the cashier");

        var file = new Argument<string>("FILE") { Description = "a capture of what the POS sends to its printer (ESC/POS or Star Line Mode bytes)" };
        var profile = new Option<string?>("--profile") { Description = "receipt profile: a name in kiosk-config/receipt-profiles/, a built-in (default, star) or a .json file; default ReceiptTap:Profile, else default" };
        var codePage = new Option<int>("--code-page") { Description = "the printer's start-up code page (437, 850, 852, 858, 1252 …): a printer setting the bytes do not show", DefaultValueFactory = _ => 437 };
        var explain = new Option<bool>("--explain") { Description = "say for each receipt what kind of document it is, how sure the reader is of its total, and why" };
        var decode = new Command("decode", "print each receipt in the capture: kind, total, confidence, number, items, refund, copy") { file, profile, codePage, explain };
        bind(decode, (ctx, p) =>
        {
            var path = p.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"receipts decode: file '{path}' does not exist");
            }

            var page = p.GetValue(codePage);
            if (page <= 0 || !IsKnownCodePage(page))
            {
                throw new CliException($"--code-page {page} is not a code page this system knows: try 437, 850, 852, 858 or 1252");
            }

            var name = p.GetValue(profile) ?? (ctx.Configuration["ReceiptTap:Profile"] is { Length: > 0 } configured ? configured : "default");
            var chosen = ReceiptProfileLoader.Load(name, p.GetValue(profile) is null ? "ReceiptTap:Profile" : "--profile");
            var sales = Decode(File.ReadAllBytes(path), chosen, page);
            var policy = ServiceSettings.Load(ctx.Configuration).Confirmation; // as `run` would hold them

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, sales.Select(sale => Json(sale, policy)).ToArray());
            }
            else
            {
                ctx.Output.Write(Summary(path, chosen, sales, policy, p.GetValue(explain)));
            }

            return ExitCodes.Ok;
        });
        receipts.Subcommands.Add(decode);
        receipts.Subcommands.Add(ReceiptsCaptureCommand.Build(bind));
        receipts.Subcommands.Add(ReceiptsLearnCommand.Build(bind));
        receipts.Subcommands.Add(PendingReceiptsCommands.Pending(bind));
        receipts.Subcommands.Add(PendingReceiptsCommands.Confirm(bind));
        receipts.Subcommands.Add(PendingReceiptsCommands.Drop(bind));
        return receipts;
    }

    /// <summary>Every receipt in the capture, in order; text after the last cut counts as one more receipt.</summary>
    public static IReadOnlyList<ReceiptSale> Decode(byte[] capture, ReceiptProfile profile, int codePage) =>
        new ReceiptReader(profile, codePage).ReadCapture(capture);

    internal static object Json(ReceiptSale sale, ReceiptConfirmationPolicy policy) => new
    {
        kind = sale.Kind.ToString().ToLowerInvariant(),
        total = sale.Total,
        confidence = Math.Round(sale.Confidence, 2),
        evidence = sale.Evidence,
        needsConfirmation = policy.NeedsConfirmation(sale),
        currency = sale.Currency,
        receiptNumber = sale.ReceiptNumber,
        refund = sale.Refund,
        copy = sale.Copy,
        kitchen = sale.Kind == ReceiptKind.Kitchen,
        date = sale.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        time = sale.Time?.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        paymentType = sale.PaymentType,
        items = sale.Items.Select(item => new { description = item.Description, quantity = item.Quantity, amount = item.Amount }).ToArray(),
        text = sale.Text,
    };

    private static string Summary(string path, ReceiptProfile profile, IReadOnlyList<ReceiptSale> sales, ReceiptConfirmationPolicy policy, bool explain)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{path}: {sales.Count} receipt(s), profile {profile.Name} ({profile.Dialect})\n");
        for (var i = 0; i < sales.Count; i++)
        {
            var sale = sales[i];
            var flags = new List<string>();
            if (!sale.IsSale)
            {
                flags.Add($"not a sale: {Describe(sale.Kind)}");
            }

            if (sale.Refund)
            {
                flags.Add("refund");
            }

            if (sale.Copy)
            {
                flags.Add("copy: earns nothing");
            }

            var total = sale.Total is { } t ? t.ToString("0.00##", CultureInfo.InvariantCulture) + (sale.Currency is null ? string.Empty : " " + sale.Currency) : "—";
            text.Append(CultureInfo.InvariantCulture, $"\n#{i + 1}  total {total}  receipt {sale.ReceiptNumber ?? "—"}  {sale.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {sale.Time?.ToString("HH:mm", CultureInfo.InvariantCulture)}  paid {sale.PaymentType ?? "—"}");
            text.Append(flags.Count > 0 ? "  [" + string.Join(", ", flags) + "]\n" : "\n");
            if (explain)
            {
                var verdict = !sale.IsSale
                    ? $"not credited: {Describe(sale.Kind)}"
                    : sale.Copy ? "not credited: a copy" : policy.NeedsConfirmation(sale) ? "held for the cashier to confirm" : "credited";
                text.Append(CultureInfo.InvariantCulture, $"    kind {sale.Kind.ToString().ToLowerInvariant()}, confidence {sale.Confidence:0.00}: {verdict}\n");
                foreach (var reason in sale.Evidence)
                {
                    text.Append(CultureInfo.InvariantCulture, $"      - {reason}\n");
                }
            }

            foreach (var item in sale.Items)
            {
                var amount = item.Amount is { } a ? a.ToString("0.00##", CultureInfo.InvariantCulture) : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"    {item.Quantity.ToString("0.###", CultureInfo.InvariantCulture),4} x {item.Description,-32} {amount,10}\n");
            }
        }

        return text.ToString();
    }

    private static string Describe(ReceiptKind kind) => kind switch
    {
        ReceiptKind.Kitchen => "a kitchen or bar ticket",
        ReceiptKind.Report => "a report (X/Z, end of day)",
        ReceiptKind.Order => "an order slip or pre-bill, not yet paid",
        ReceiptKind.Test => "a printer test page",
        ReceiptKind.Tip => "a tip slip",
        ReceiptKind.Voucher => "a voucher",
        _ => "no total printed",
    };

    private static bool IsKnownCodePage(int codePage)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            _ = Encoding.GetEncoding(codePage);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
