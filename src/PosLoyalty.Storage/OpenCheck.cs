namespace PosLoyalty.Storage;

/// <summary>What <see cref="LoyaltyDatabase.Open"/> checks before anything is written.</summary>
public enum OpenCheck
{
    /// <summary>PRAGMA quick_check over every page: a damaged file stops at open. Seconds per gigabyte.</summary>
    QuickCheck,

    /// <summary>
    /// Only what opening and migrating read (header, schema). The caller runs <see cref="LoyaltyDatabase.QuickCheckNow"/>
    /// later — the service right after it is ready, so a large file does not hold up the till's start.
    /// </summary>
    Deferred,
}
