namespace PosLoyalty.Panel.State;

/// <summary>
/// One field of a form drawn inside the live display. <see cref="Cursor"/> is an index into
/// <see cref="Value"/> (0..Length); <see cref="ToggleKey"/> flips a toggle with Ctrl+key from any field.
/// </summary>
public sealed record FormField(
    string Name,
    string Label,
    FieldKind Kind = FieldKind.Text,
    string Value = "",
    int Cursor = 0,
    bool Checked = false,
    bool Required = false,
    string? Hint = null,
    char? ToggleKey = null,
    string? Error = null)
{
    /// <summary>Long enough for any note a cashier types; bounds what a stuck key can do.</summary>
    public const int MaxLength = 500;
}
