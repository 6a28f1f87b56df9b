using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PosLoyalty.Service.Configuration;

/// <summary>
/// The `Chain` section (docs/chain.md): the PostgreSQL this till shares with the shop's other tills. No section, no
/// chain: the till works alone, as it always did. The connection string comes from the configuration (best from the
/// environment: `POSLOYALTY__Chain__ConnectionString`) or from a file only the service user may read.
/// </summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    public string? ConnectionString { get; set; }

    public string? ConnectionStringFile { get; set; }

    public string? ShopId { get; set; }

    public ChainOfflineRedemption OfflineRedemption { get; set; } = ChainOfflineRedemption.IssuedHere;

    /// <summary>How often the sync service asks PostgreSQL for the other tills' changes; pushes also go at once when the outbox changes.</summary>
    public TimeSpan PullInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts while PostgreSQL cannot be reached.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest the counter waits for PostgreSQL's answer to a coupon's redemption before the offline rule decides: a
    /// round trip on a shop's network is milliseconds, and a cashier should not stand waiting longer.
    /// </summary>
    public TimeSpan RedemptionWait { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => ConnectionString is not null || ConnectionStringFile is not null || ShopId is not null;

    /// <summary>Binds the section, or returns null when there is none. Throws <see cref="ServiceConfigurationException"/> naming each bad key.</summary>
    public static ChainOptions? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (!section.Exists())
        {
            return null;
        }

        var options = new ChainOptions();
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new ServiceConfigurationException($"{Section}: {(ex.InnerException is { } inner ? ex.Message + " " + inner.Message : ex.Message).ReplaceLineEndings(" ").Trim()} (see docs/chain.md for the keys)");
        }

        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ServiceConfigurationException(string.Join("; ", problems));
        }

        return options;
    }

    public IEnumerable<string> Validate()
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if ((ConnectionString is null) == (ConnectionStringFile is null))
        {
            yield return "Chain: set exactly one of Chain:ConnectionString and Chain:ConnectionStringFile";
        }

        if (string.IsNullOrWhiteSpace(ShopId) || ShopId.Length > 64 || ShopId.Any(char.IsControl))
        {
            yield return "Chain:ShopId must be 1 to 64 printable characters, the same on every till of the shop";
        }

        if (PullInterval < TimeSpan.FromMilliseconds(100) || PullInterval > TimeSpan.FromHours(1))
        {
            yield return $"Chain:PullInterval {PullInterval.ToString("c", CultureInfo.InvariantCulture)} must be between 00:00:00.1 and 01:00:00";
        }

        if (MaxRetryDelay < TimeSpan.FromSeconds(1) || MaxRetryDelay > TimeSpan.FromHours(1))
        {
            yield return $"Chain:MaxRetryDelay {MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture)} must be between 00:00:01 and 01:00:00";
        }

        if (RedemptionWait < TimeSpan.FromMilliseconds(100) || RedemptionWait > TimeSpan.FromMinutes(1))
        {
            yield return $"Chain:RedemptionWait {RedemptionWait.ToString("c", CultureInfo.InvariantCulture)} must be between 00:00:00.1 and 00:01:00";
        }

        if (ConnectionStringFile is { } file && FileProblem(file) is { } problem)
        {
            yield return problem;
        }
    }

    /// <summary>The connection string, read from the file when one is configured. Never log or print what this returns.</summary>
    public string ReadConnectionString()
    {
        if (ConnectionString is { Length: > 0 } inline)
        {
            return inline;
        }

        var file = ConnectionStringFile ?? throw new ServiceConfigurationException("Chain: neither Chain:ConnectionString nor Chain:ConnectionStringFile is set");
        return SecretFile.Read(file, "Chain:ConnectionStringFile", "the service user");
    }

    private static string? FileProblem(string file) => SecretFile.Problem(file, "Chain:ConnectionStringFile", "the service user");
}
