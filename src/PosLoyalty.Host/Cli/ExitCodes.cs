namespace PosLoyalty.Host.Cli;

/// <summary>Exit codes a script can rely on.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input: an argument, a value, a refused action. Nothing was written.</summary>
    public const int InvalidInput = 1;

    /// <summary>The card, customer, coupon or receipt does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>The configuration or the rules file is wrong; the message names the key.</summary>
    public const int BadConfiguration = 4;

    /// <summary>The database cannot be used (damaged, newer schema, disk error).</summary>
    public const int StorageFailure = 5;

    /// <summary>A device is missing, refused the connection or went away.</summary>
    public const int DeviceFailure = 6;

    /// <summary>A bug (EX_SOFTWARE from sysexits.h).</summary>
    public const int InternalError = 70;
}
