using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// One thing to do for one customer. <see cref="DueOn"/> is the local date it is due (a birthday, the
/// day of the large purchase, the day a note was written). <see cref="Contact"/> is null without consent.
/// </summary>
public sealed record FollowUp(FollowUpKind Kind, CustomerId Customer, string Name, DateOnly DueOn, string Detail, ContactDetails? Contact);
