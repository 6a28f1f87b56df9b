namespace PosLoyalty.Storage.Reports;

/// <summary>Phone and email, present only when the customer has given marketing consent and was not erased.</summary>
public sealed record ContactDetails(string? Phone, string? Email);
