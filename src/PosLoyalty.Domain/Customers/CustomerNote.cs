namespace PosLoyalty.Domain.Customers;

/// <summary>Something worth remembering at the counter ("ask about the daughter's graduation").</summary>
public sealed record CustomerNote(string Text, bool Pinned, bool FollowUp, DateTimeOffset At)
{
    public const int MaxLength = 500;
}
