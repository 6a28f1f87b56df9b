using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// A customer who stopped or slowed. <see cref="UsualGapDays"/> is null with fewer than three visits
/// (two points make no habit). <see cref="Contact"/> is null without marketing consent.
/// </summary>
public sealed record LapsedCustomer(
    CustomerId Id,
    string Name,
    long Visits,
    DateTimeOffset LastVisitAt,
    double DaysSinceLastVisit,
    double? UsualGapDays,
    string Reason,
    IReadOnlyList<string> UsualItems,
    ContactDetails? Contact);
