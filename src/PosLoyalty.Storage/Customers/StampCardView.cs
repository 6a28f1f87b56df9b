namespace PosLoyalty.Storage.Customers;

/// <summary>One stamp card as the counter shows it: 7 of 10.</summary>
public sealed record StampCardView(string Program, string Name, int Count, int Target, string Reward);
