using Microsoft.Extensions.Logging;

namespace PosLoyalty.Service.Till;

/// <summary>
/// The till's log lines. Ids and amounts only: no names, no card numbers, no receipt text, no scans.
/// Event ids 100–199 belong to the till.
/// </summary>
internal static partial class TillLog
{
    [LoggerMessage(100, LogLevel.Information, "Customer {CustomerId} identified at till {TillId}")]
    public static partial void CustomerIdentified(ILogger logger, long customerId, string tillId);

    [LoggerMessage(101, LogLevel.Information, "Unknown card scanned at till {TillId}: offering enrolment")]
    public static partial void UnknownCard(ILogger logger, string tillId);

    [LoggerMessage(102, LogLevel.Information, "Coupon redeemed at till {TillId} for customer {CustomerId}")]
    public static partial void CouponRedeemed(ILogger logger, string tillId, long? customerId);

    [LoggerMessage(103, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} recorded for customer {CustomerId}: {Points} points, {Coupons} coupon(s)")]
    public static partial void SaleRecorded(ILogger logger, string receiptNumber, string tillId, long customerId, long points, int coupons);

    [LoggerMessage(104, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} kept unclaimed (no customer at the counter)")]
    public static partial void SaleUnclaimed(ILogger logger, string receiptNumber, string tillId);

    [LoggerMessage(105, LogLevel.Information, "Receipt {ReceiptNumber} on till {TillId} earns nothing: {Reason}")]
    public static partial void ReceiptIgnored(ILogger logger, string receiptNumber, string tillId, string reason);

    [LoggerMessage(106, LogLevel.Information, "Receipt {ReceiptNumber} on till {TillId} reversed ({Kind}): {Points} points")]
    public static partial void RefundRecorded(ILogger logger, string receiptNumber, string tillId, string kind, long points);

    [LoggerMessage(107, LogLevel.Information, "Scan refused at till {TillId}: {Reason}")]
    public static partial void ScanRefused(ILogger logger, string tillId, string reason);

    [LoggerMessage(108, LogLevel.Warning, "Receipt {ReceiptNumber} printed currency {Printed} but the shop's is {Shop}: counted in {Shop}. Check ReceiptTap:Profile and the rules file's Currency (doctor lists these)")]
    public static partial void CurrencyMismatch(ILogger logger, string receiptNumber, string printed, string shop);

    [LoggerMessage(109, LogLevel.Error, "Receipt {ReceiptNumber} on till {TillId} could not be recorded; the printer still got every byte")]
    public static partial void ReceiptFailed(ILogger logger, Exception exception, string receiptNumber, string tillId);

    [LoggerMessage(110, LogLevel.Information, "Late scan at till {TillId} claimed receipt {ReceiptNumber} for customer {CustomerId}")]
    public static partial void LateScanClaimed(ILogger logger, string tillId, string receiptNumber, long customerId);

    [LoggerMessage(111, LogLevel.Information, "Customer cleared at till {TillId}: {Reason}")]
    public static partial void Cleared(ILogger logger, string tillId, string reason);

    [LoggerMessage(112, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} waits for the cashier as pending sale {PendingId}: {Reason}")]
    public static partial void SalePending(ILogger logger, string receiptNumber, string tillId, long pendingId, string reason);

    [LoggerMessage(113, LogLevel.Information, "Receipt on till {TillId} is not a sale ({Kind}): nothing credited")]
    public static partial void NotASale(ILogger logger, string tillId, string kind);

    [LoggerMessage(114, LogLevel.Information, "Pending sale {PendingId} on till {TillId} {Decision}")]
    public static partial void PendingDecided(ILogger logger, long pendingId, string tillId, string decision);
}
