namespace PosLoyalty.Domain.Receipts;

/// <summary>The total the reader chose, how sure it is, and why.</summary>
/// <param name="Value">The amount, or null when no line can be the total.</param>
/// <param name="Line">The line the amount is on; -1 when none.</param>
/// <param name="LabelLine">The line whose label named it (the line above when the amount sits on its own line); -1 when unlabelled.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Evidence">Each reason, in a few words.</param>
internal sealed record TotalChoice(decimal? Value, int Line, int LabelLine, double Confidence, IReadOnlyList<string> Evidence)
{
    public static TotalChoice None { get; } = new(null, -1, -1, 0d, []);
}
