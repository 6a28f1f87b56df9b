using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>Everything the rules need to know about a customer just before a sale.</summary>
/// <param name="StampCounts">Each stamp card's ledger sum over every till, by card id; below zero while stamps are owed.</param>
public sealed record CustomerState(
    Customer Customer,
    Points Balance,
    IReadOnlyDictionary<string, int> StampCounts,
    decimal Spend12Months,
    int VisitCount,
    DateTimeOffset? LastVisitAt,
    DateTimeOffset? LastBirthdayRewardAt);
