namespace PosLoyalty.Storage.Reports;

/// <summary>The follow-up list with the thresholds that made it, so the owner can see why someone is on it.</summary>
public sealed record FollowUpReport(int DaysAhead, decimal LargePurchaseThreshold, bool ThresholdFromMedian, IReadOnlyList<FollowUp> Items);
