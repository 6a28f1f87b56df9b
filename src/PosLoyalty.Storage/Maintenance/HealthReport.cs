namespace PosLoyalty.Storage.Maintenance;

/// <summary>What `doctor` reports about the database, and for each problem what to do.</summary>
public sealed record HealthReport(
    string Path,
    int SchemaVersion,
    string QuickCheck,
    long DatabaseBytes,
    long WalBytes,
    long FreeDiskBytes,
    long Customers,
    long Sales,
    long LedgerRows,
    long BalanceMismatches,
    DateTimeOffset? LastBackupAt,
    IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}
