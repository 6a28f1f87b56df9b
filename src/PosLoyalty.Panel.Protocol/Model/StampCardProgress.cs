namespace PosLoyalty.Panel.Model;

/// <summary>One stamp card: 7 of 10 stamps towards "a free coffee".</summary>
public sealed record StampCardProgress(string Name, int Count, int Target, string Reward)
{
    /// <summary>Stamps still missing; never negative, even if the service sends a full card.</summary>
    public int Remaining => Math.Max(0, Target - Count);
}
