using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// Turns one line from a POS into what the till records and the reply the POS gets. The reply is made only
/// after the commit returned: an "ok" line means the sale is on disk; a storage failure is answered
/// "not recorded", so the POS can send the line again (the same receipt twice earns once). Thread-safe: the till
/// session orders concurrent connections under its lock.
/// </summary>
public sealed class PosEventDispatcher
{
    private readonly TillSession _session;
    private readonly SaleRecorder _sales;
    private readonly CurrencyCode _shopCurrency;
    private readonly bool _printCoupons;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="session">This till's session: pairs a sale with the customer whose card was scanned here.</param>
    /// <param name="sales">Records a sale for another till, which no card scanned here can claim.</param>
    /// <param name="shopCurrency">The rules' currency: every amount counts in it.</param>
    /// <param name="printCoupons">True when this till has a printer: coupons are committed pending and printed after the commit.</param>
    /// <param name="time">For events without <c>at</c>: the local time they arrive.</param>
    /// <param name="logger">Lines are logged by number and result, never by content.</param>
    public PosEventDispatcher(TillSession session, SaleRecorder sales, CurrencyCode shopCurrency, bool printCoupons, TimeProvider time, ILogger<PosEventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _session = session;
        _sales = sales;
        _shopCurrency = shopCurrency;
        _printCoupons = printCoupons;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles one line and returns the reply line to send back (UTF-8 JSON ending in a newline). Never throws for input or storage.</summary>
    public byte[] Handle(PosEventLine line, string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (line.Error is { } unreadable)
        {
            return Reject(line.Number, connection, null, unreadable);
        }

        if (!PosEventReader.TryParse(line.Text ?? string.Empty, line.Number, out var posEvent, out var error))
        {
            return Reject(line.Number, connection, null, error);
        }

        TillReceipt receipt;
        try
        {
            receipt = posEvent.ToTillReceipt(_session.TillId, _shopCurrency, _time.GetLocalNow());
        }
        catch (DomainValidationException ex)
        {
            return Reject(line.Number, connection, posEvent.ReceiptNumber, $"line {line.Number}: {ex.Message}");
        }

        var sale = receipt.Sale;
        var recording = SaleRecording.PosEvent(_printCoupons) with { ReceiptCurrency = receipt.ReceiptCurrency };
        try
        {
            var reply = receipt.Kind == TillReceiptKind.Sale && !string.Equals(sale.TillId, _session.TillId, StringComparison.Ordinal)
                ? RecordForAnotherTill(receipt, recording)
                : Reply(sale.ReceiptNumber, _session.HandleReceipt(receipt, recording));
            _logger.PosEventHandled(line.Number, connection, reply.Summary);
            return reply.Bytes;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was committed (one transaction per sale): the POS may send the line again.
            _logger.PosEventHookFailed(line.Number, connection, ex);
            return PosEventReply.Error(line.Number, sale.ReceiptNumber, "not recorded: " + ex.Message);
        }
    }

    private static (byte[] Bytes, string Summary) Reply(string receiptNumber, TillEvent handled) => handled switch
    {
        SaleRecorded recorded => (
            PosEventReply.Ok(receiptNumber, "recorded", recorded.Outcome.CustomerId.Value, recorded.Outcome.PointsEarned.Value, recorded.Outcome.CouponsIssued.Count),
            "recorded for customer " + recorded.Outcome.CustomerId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        UnclaimedSaleRecorded => (PosEventReply.Ok(receiptNumber, "unclaimed"), "kept unclaimed"),
        SalePending held => (PosEventReply.Ok(receiptNumber, "pending", held.Sale.CustomerId?.Value, reason: held.Sale.Reason), "pending: waits for the cashier"),
        RefundRecorded refund => (
            PosEventReply.Ok(receiptNumber, "refunded", refund.Outcome.CustomerId?.Value, refund.Outcome.PointsChange.Value, couponsVoided: refund.Outcome.CouponsVoided.Count),
            "refunded"),
        ReceiptIgnored ignored when IsReplay(ignored) => (PosEventReply.Ok(receiptNumber, "duplicate", reason: ignored.Reason), "duplicate, earns nothing"),
        ReceiptIgnored ignored => (PosEventReply.Ok(receiptNumber, "ignored", reason: ignored.Reason), "ignored: " + ignored.Reason),
        _ => (PosEventReply.Ok(receiptNumber, "ignored"), "ignored"),
    };

    private static bool IsReplay(ReceiptIgnored ignored) => ignored.Kind == ReceiptIgnoredReason.SeenBefore;

    private (byte[] Bytes, string Summary) RecordForAnotherTill(TillReceipt receipt, SaleRecording recording)
    {
        // The customer at this counter is not at that till: the sale is kept unclaimed under its own till id.
        var sale = receipt.Sale;
        if (receipt.ReceiptCurrency is { } sent)
        {
            _logger.PosEventCurrencyMismatch(sale.ReceiptNumber, sale.TillId, sent, _shopCurrency.Value);
        }

        return _sales.RecordUnclaimed(sale, recording)
            ? (PosEventReply.Ok(sale.ReceiptNumber, "unclaimed"), "kept unclaimed for till " + sale.TillId)
            : (PosEventReply.Ok(sale.ReceiptNumber, "duplicate", reason: "seen before"), "duplicate, earns nothing");
    }

    private byte[] Reject(long lineNumber, string connection, string? receiptNumber, string error)
    {
        _logger.PosEventRejected(lineNumber, connection, error);
        return PosEventReply.Error(lineNumber, receiptNumber, error);
    }
}
