namespace PosLoyalty.Benchmarks;

/// <summary>What one measurement found, in milliseconds.</summary>
internal sealed record LatencySummary(string Name, int N, double P50Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs);
