namespace PosLoyalty.Panel.Model;

/// <summary>A note with the moment it was written, shown as "12 days ago".</summary>
public sealed record DatedNote(string Text, DateTimeOffset WrittenAt);
