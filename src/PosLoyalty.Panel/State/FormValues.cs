using System.Collections.Immutable;

namespace PosLoyalty.Panel.State;

/// <summary>What the cashier typed and ticked in a form, read off its fields when Enter is pressed.</summary>
public sealed record FormValues(ImmutableDictionary<string, string> Texts, ImmutableHashSet<string> Ticked)
{
    public static FormValues Empty { get; } = new(ImmutableDictionary<string, string>.Empty, ImmutableHashSet<string>.Empty);

    public string Text(string name) => Texts.TryGetValue(name, out var value) ? value.Trim() : string.Empty;

    public bool IsTicked(string name) => Ticked.Contains(name);

    public FormValues WithText(string name, string value) => this with { Texts = Texts.SetItem(name, value) };

    public FormValues WithTicked(string name, bool ticked) => this with { Ticked = ticked ? Ticked.Add(name) : Ticked.Remove(name) };

    // A PIN or a phone number must not reach a log line through the generated ToString.
    public override string ToString() => $"FormValues {{ {Texts.Count} texts, {Ticked.Count} ticked }}";
}
