namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>One receipt of expected.json: what its text must make findable.</summary>
internal sealed record ExpectedReceipt(string Currency, string? Total, string? ReceiptNumber);
