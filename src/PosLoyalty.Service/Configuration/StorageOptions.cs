namespace PosLoyalty.Service.Configuration;

/// <summary>The `Storage` section: where the SQLite file lives (`--db` overrides it).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? DatabasePath { get; set; }

    public IEnumerable<string> Validate() => [];
}
