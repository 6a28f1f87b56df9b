namespace PosLoyalty.Domain.Values;

/// <summary>The store's own number for a customer; never shown to the customer.</summary>
public readonly record struct CustomerId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
