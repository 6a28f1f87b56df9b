namespace PosLoyalty.Panel.Model;

/// <summary>
/// One stamp card: 7 of 10 stamps towards "a free coffee". <paramref name="Owed"/> stamps are owed (and
/// <paramref name="Count"/> is 0) when two tills filled the same card while apart: the next stamps pay it off first.
/// </summary>
public sealed record StampCardProgress(string Name, int Count, int Target, string Reward, int Owed = 0)
{
    /// <summary>Stamps still missing before the reward, the debt included; never negative, even if the service sends a full card.</summary>
    public int Remaining => Math.Max(0, Target + Math.Max(0, Owed) - Count);
}
