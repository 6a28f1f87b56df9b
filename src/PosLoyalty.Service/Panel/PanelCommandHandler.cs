using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// Does what a panel asks. The answer goes back to that panel only (a message, find results, the refreshed
/// card); what every screen must see (a customer identified, a sale, a clear) goes through the till, whose
/// events reach every panel. A line that is not a known command gets an error answer and nothing else:
/// the connection stays up.
/// </summary>
public sealed class PanelCommandHandler(
    TillSession session,
    CustomerRepository customers,
    ManagerActions manager,
    LoyaltyRules rules,
    PanelCards cards,
    TimeProvider time,
    ILogger<PanelCommandHandler> logger)
{
    private const int FindLimit = 10;
    private const int GeneratedCardDigits = 10;

    /// <summary>One line from a panel; never throws for bad input.</summary>
    public IReadOnlyList<PanelEvent> Handle(string line, uint userId = 0) =>
        TryRead(line, userId, out var command, out var error) ? Handle(command) : [error];

    /// <summary>One line from a panel as a command (logged by name), or the error answer for a line that is not one.</summary>
    public bool TryRead(string line, uint userId, [NotNullWhen(true)] out PanelCommand? command, [NotNullWhen(false)] out PanelEvent? error)
    {
        try
        {
            command = PanelJson.DeserializeCommand(line ?? string.Empty);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            logger.PanelBadCommand(line?.Length ?? 0);
            command = null;
            error = Error("Not a command the service knows: " + Describe(ex));
            return false;
        }

        logger.PanelCommandReceived(Name(command), userId);
        error = null;
        return true;
    }

    public IReadOnlyList<PanelEvent> Handle(PanelCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return command switch
            {
                EnrolCommand c => Enrol(c),
                AddNoteCommand c => AddNote(c),
                FindCommand c => [new FindResultsEvent(c.Query, Find(c.Query))],
                SelectCustomerCommand c => Select(c),
                RedeemCommand c => Redeem(c.Code),
                ManualSaleCommand c => ManualSale(c),
                ComplaintCommand c => Complaint(c),
                AdjustPointsCommand c => AdjustPoints(c),
                ClearCommand => Clear(),
                ConfirmPendingCommand c => ConfirmPending(c.PendingId),
                DropPendingCommand c => DropPending(c.PendingId),
                CaptureReceiptsCommand => [Error("A receipt capture runs over the panel socket: posloyalty receipts capture --count N FILE")],
                QuitCommand => [],
                _ => [Error("Not a command the service knows.")],
            };
        }
        catch (PinRefusedException ex)
        {
            logger.PanelPinRefused((command as AdjustPointsCommand)?.CustomerId ?? 0);
            return [Error(ex.Message)];
        }
        catch (Exception ex) when (ex is DomainValidationException or NotFoundException or StorageException or CouponNotRedeemableException)
        {
            return [Error(ex.Message)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.PanelCommandFailed(ex, Name(command));
            return [Error("That did not work (an internal error; the service log has the details).")];
        }
    }

    private List<PanelEvent> Enrol(EnrolCommand c)
    {
        MonthDay? birthday = c.Birthday is { Length: > 0 } text ? MonthDay.Parse(text) : null;
        var card = c.Card is { Length: > 0 } raw ? CardNumber.Parse(raw) : NewPanelCard();
        var id = customers.Enrol(new NewCustomer(card, c.Name, Empty(c.Greeting), birthday, Phone: Empty(c.Phone), Email: Empty(c.Email), MarketingConsent: c.MarketingConsent));
        session.Identify(id); // every panel shows the new customer, as if the card had been scanned again
        return [new ServiceMessageEvent(c.Card is null ? $"Enrolled {c.Name.Trim()} (card {card.Value} issued for the till)" : $"Enrolled {c.Name.Trim()}")];
    }

    private List<PanelEvent> AddNote(AddNoteCommand c)
    {
        var id = new CustomerId(c.CustomerId);
        customers.AddNote(id, c.Text, c.Pinned);
        return [new CustomerIdentifiedEvent(cards.Card(id)), new ServiceMessageEvent(c.Pinned ? "Pinned note saved." : "Note saved.")];
    }

    private List<CustomerMatch> Find(string query) =>
        customers.Find(query, FindLimit)
            .Select(s => new CustomerMatch(s.Id.Value, s.Name, s.Card is { Length: >= 4 } card ? card[^4..] : null, s.LastVisitAt))
            .ToList();

    private List<PanelEvent> Select(SelectCustomerCommand c)
    {
        session.Identify(new CustomerId(c.CustomerId));
        return [];
    }

    /// <summary>
    /// A coupon code typed at the panel goes through the till like a scanned one, so every panel and the pole display
    /// hear of a redemption (from the till's event, this panel included: no reply here). A typo or a coupon that
    /// cannot be redeemed is told to this panel only.
    /// </summary>
    private List<PanelEvent> Redeem(string text)
    {
        if (!CouponCode.TryParse(text, out var code, out var error))
        {
            return [new CouponRedeemedEvent(text, Redeemed: false, Reason: error)];
        }

        return session.RedeemKeyed(code) is ScanRefused refused
            ? [new CouponRedeemedEvent(code.ToDisplayString(), Redeemed: false, Reason: refused.Reason)]
            : [];
    }

    /// <summary>
    /// A sale keyed in at a till without a tap, for the customer on screen (or the one the till has active). It goes
    /// through the till like a receipt: the till decides whether it ends the active customer's visit, and every panel
    /// and the pole display hear of the outcome from the till's event.
    /// </summary>
    private List<PanelEvent> ManualSale(ManualSaleCommand c)
    {
        var customer = c.CustomerId is { } chosen ? new CustomerId(chosen) : session.ActiveCustomer;
        if (customer is not { } id)
        {
            return [Error("No customer on screen: scan a card or press F to find one, then S.")];
        }

        var now = time.GetUtcNow();
        var currency = rules.ShopCurrency;
        var descriptions = c.Items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();

        // Items keyed by hand have no prices: a single item carries the total, several carry none.
        var items = descriptions.Select(d => new SaleItem(null, d, 1m, new Money(descriptions.Count == 1 ? c.Amount : 0m, currency))).ToList();
        var receipt = "M-" + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        session.RecordManualSale(id, Sale.Create(session.TillId, receipt, new Money(c.Amount, currency), now, items));
        return [];
    }

    private List<PanelEvent> Complaint(ComplaintCommand c)
    {
        var id = new CustomerId(c.CustomerId);
        customers.AddNote(id, c.Text, pinned: false, followUp: c.FollowUp, kind: "complaint");
        return [new CustomerIdentifiedEvent(cards.Card(id)), new ServiceMessageEvent(c.FollowUp ? "Complaint saved and on the follow-up list." : "Complaint saved.")];
    }

    private List<PanelEvent> AdjustPoints(AdjustPointsCommand c)
    {
        var id = new CustomerId(c.CustomerId);
        var balance = manager.AdjustPoints(id, new Points(c.Points), c.Reason, c.ManagerPin);
        return
        [
            new CustomerIdentifiedEvent(cards.Card(id)),
            new ServiceMessageEvent(string.Create(CultureInfo.InvariantCulture, $"Points adjusted by {c.Points:+#;-#;0}: balance {balance.Value}.")),
        ];
    }

    // The till publishes the new list of waiting sales (and the sale it credited) to every panel.
    private List<PanelEvent> ConfirmPending(long id)
    {
        var decision = session.ConfirmPending(id);
        return [new ServiceMessageEvent(
            !decision.Changed ? $"Receipt {decision.Sale.ReceiptNumber} was {decision.Sale.State.ToString().ToLowerInvariant()} already: nothing changed"
            : decision.Credited is { } outcome ? string.Create(CultureInfo.InvariantCulture, $"Receipt {decision.Sale.ReceiptNumber} credited: +{outcome.PointsEarned.Value} points")
            : $"Receipt {decision.Sale.ReceiptNumber} confirmed: nobody to credit, kept for a late scan")];
    }

    private List<PanelEvent> DropPending(long id)
    {
        var decision = session.DropPending(id);
        return [new ServiceMessageEvent(decision.Changed
            ? $"Receipt {decision.Sale.ReceiptNumber} dropped: nothing credited"
            : $"Receipt {decision.Sale.ReceiptNumber} was {decision.Sale.State.ToString().ToLowerInvariant()} already: nothing changed")];
    }

    private List<PanelEvent> Clear()
    {
        session.Clear("cleared at the panel");
        return [];
    }

    /// <summary>A card number for someone enrolled without a card: found later by name or phone (F).</summary>
    private static CardNumber NewPanelCard()
    {
        Span<char> digits = stackalloc char[GeneratedCardDigits];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return CardNumber.Parse("PL" + new string(digits));
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ServiceMessageEvent Error(string text) => new(text, IsError: true);

    private static string Name(PanelCommand command) => command.GetType().Name.Replace("Command", string.Empty, StringComparison.Ordinal);

    // The serializer's message can quote the line; the panel needs only the gist.
    private static string Describe(Exception ex) => ex.Message.Split('.')[0];
}
