namespace PosLoyalty.Panel.Protocol;

/// <summary>A complaint or feedback; <see cref="FollowUp"/> puts it on the follow-up list.</summary>
public sealed record ComplaintCommand(long CustomerId, string Text, bool FollowUp) : PanelCommand;
