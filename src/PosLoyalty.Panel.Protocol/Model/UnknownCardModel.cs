using System.Text.Json.Serialization;

namespace PosLoyalty.Panel.Model;

/// <summary>
/// A card nobody is enrolled with. The raw value is kept because enrolment needs it; it is drawn
/// only through <see cref="Masked"/>, and <see cref="ToString"/> masks it so a log line cannot leak it.
/// </summary>
public sealed record UnknownCardModel(string CardValue)
{
    [JsonIgnore]
    public string Masked => CardMask.Mask(CardValue);

    public override string ToString() => $"UnknownCardModel {{ Card = {Masked} }}";
}
