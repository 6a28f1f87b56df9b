using System.Collections.Immutable;

namespace PosLoyalty.Panel.State;

/// <summary>
/// An open form. <see cref="CustomerId"/> is fixed when the form opens, so a note goes to the
/// customer it was started for; <see cref="Card"/> is the raw card for enrolment from a scan.
/// </summary>
public sealed record FormState(
    FormKind Kind,
    string Title,
    ImmutableArray<FormField> Fields,
    int Focus = 0,
    long? CustomerId = null,
    string? Card = null)
{
    public FormField Focused => Fields[Focus];

    public FormField this[string name] => Fields.First(f => f.Name == name);

    public FormState With(string name, Func<FormField, FormField> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var index = Fields.IndexOf(this[name]);
        return this with { Fields = Fields.SetItem(index, change(Fields[index])) };
    }

    public FormState WithFocused(Func<FormField, FormField> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Fields = Fields.SetItem(Focus, change(Fields[Focus])) };
    }

    // The raw card must not reach a log line through the generated ToString.
    public override string ToString() => $"FormState {{ Kind = {Kind}, Focus = {Focus} }}";
}
