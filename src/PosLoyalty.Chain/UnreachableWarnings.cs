namespace PosLoyalty.Chain;

/// <summary>
/// When a failed sync attempt is worth a warning: each of the first <see cref="WarnedAttempts"/>, then one per
/// <see cref="RepeatInterval"/> while the chain stays away, so a server down for a day does not fill the journal.
/// </summary>
public sealed class UnreachableWarnings
{
    public const int WarnedAttempts = 3;

    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(1);

    private int _failures;
    private DateTimeOffset? _lastWarnedAt;

    /// <summary>Counts a failed attempt at <paramref name="now"/>; true when it should be logged as a warning.</summary>
    public bool Failed(DateTimeOffset now)
    {
        _failures++;
        if (_failures <= WarnedAttempts || _lastWarnedAt is not { } warned || now - warned >= RepeatInterval)
        {
            _lastWarnedAt = now;
            return true;
        }

        return false;
    }

    /// <summary>Failed attempts since the last success.</summary>
    public int Failures => _failures;

    /// <summary>The chain answered: the next outage starts warning afresh.</summary>
    public void Succeeded()
    {
        _failures = 0;
        _lastWarnedAt = null;
    }
}
