namespace PosLoyalty.Storage.Customers;

/// <summary>The idle screen's counts since local midnight: every sale, and the ones a customer claimed.</summary>
public sealed record TodayAtTill(int Sales, int LoyaltyVisits);
