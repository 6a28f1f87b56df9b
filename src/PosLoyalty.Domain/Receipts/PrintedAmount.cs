namespace PosLoyalty.Domain.Receipts;

/// <summary>An amount found at the end of a receipt line.</summary>
/// <param name="Value">The amount; null when its digits were cut short (<paramref name="Truncated"/>).</param>
/// <param name="Digits">The number as printed ("1,234.", "2 469,12").</param>
/// <param name="Start">Where the amount (with its sign and currency) begins: the description ends here.</param>
/// <param name="Currency">What the profile reports for the sign printed beside it, or null.</param>
/// <param name="HasDecimals">True when the number has a decimal part.</param>
/// <param name="Gap">Spaces between the text before the amount and the amount.</param>
/// <param name="Truncated">True when the number ends in a separator ("1,234."): the rest is on the next line.</param>
/// <param name="Negative">True for a leading or trailing minus.</param>
internal sealed record PrintedAmount(decimal? Value, string Digits, int Start, string? Currency, bool HasDecimals, int Gap, bool Truncated, bool Negative);
