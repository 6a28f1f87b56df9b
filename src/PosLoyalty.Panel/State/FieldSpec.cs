namespace PosLoyalty.Panel.State;

/// <summary>
/// One field of a form, as data: what it is called, how it is labelled and what it holds. Editing, focus and the
/// cursor belong to Terminal.Gui's TextField and CheckBox; this only says which of them to put where.
/// </summary>
public sealed record FieldSpec(
    string Name,
    string Label,
    FieldKind Kind = FieldKind.Text,
    bool Required = false,
    string? Hint = null,
    bool InitiallyChecked = false)
{
    /// <summary>Long enough for any note a cashier types; bounds what a stuck key can do.</summary>
    public const int MaxLength = 500;
}
