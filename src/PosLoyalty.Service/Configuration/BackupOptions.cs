namespace PosLoyalty.Service.Configuration;

/// <summary>The `Backup` section: the service's own daily backup (an online, integrity-checked copy).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where daily backups go; empty: a `backups` directory beside the database.</summary>
    public string? Directory { get; set; }

    /// <summary>How many daily backups to keep; the oldest beyond this are deleted. 0 turns the daily backup off.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>The directory daily backups go to for the database at <paramref name="databasePath"/>.</summary>
    public string DirectoryFor(string databasePath) => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups")
        : Path.GetFullPath(Directory);

    public IEnumerable<string> Validate()
    {
        if (Keep is < 0 or > 3650)
        {
            yield return $"Backup:Keep '{Keep}' must be between 0 (no daily backup) and 3650";
        }
    }
}
