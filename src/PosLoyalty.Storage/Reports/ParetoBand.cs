namespace PosLoyalty.Storage.Reports;

/// <summary>A slice of the customers who bought in the window, ranked by spend: top 20%, next 40%, the rest.</summary>
public sealed record ParetoBand(string Name, long Customers, decimal Revenue, decimal RevenueShare);
