using PosLoyalty.Domain.Customers;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Storage.Privacy;

/// <summary>Everything held about one person, for a subject access request.</summary>
public sealed record CustomerExport(
    Customer Profile,
    IReadOnlyList<CardRecord> Cards,
    IReadOnlyList<CustomerNote> Notes,
    IReadOnlyList<ExportedSale> Visits,
    IReadOnlyList<ExportedLedgerRow> Ledger,
    IReadOnlyList<ExportedStampEvent> StampEvents,
    IReadOnlyList<CouponView> Coupons,
    IReadOnlyList<ExportedAuditEntry> Audit,
    IReadOnlyList<PendingSaleView> PendingSales);
