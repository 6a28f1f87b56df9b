using System.Collections.Immutable;

namespace PosLoyalty.Panel.State;

/// <summary>
/// The form that is open, with its fields in Tab order. <see cref="CustomerId"/> is fixed when the form opens, so a
/// note goes to the customer it was started for; <see cref="Card"/> is the raw card for enrolment from a scan.
/// </summary>
public sealed record FormSpec(
    FormKind Kind,
    string Title,
    ImmutableArray<FieldSpec> Fields,
    long? CustomerId = null,
    string? Card = null)
{
    public FieldSpec this[string name] => Fields.First(f => f.Name == name);

    // The raw card must not reach a log line through the generated ToString.
    public override string ToString() => $"FormSpec {{ Kind = {Kind} }}";
}
