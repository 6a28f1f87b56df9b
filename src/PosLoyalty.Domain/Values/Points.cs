namespace PosLoyalty.Domain.Values;

/// <summary>A number of loyalty points; whole points only.</summary>
public readonly record struct Points(long Value) : IComparable<Points>
{
    public static Points Zero => new(0);

    public static Points operator +(Points left, Points right) => new(checked(left.Value + right.Value));

    public static Points operator -(Points left, Points right) => new(checked(left.Value - right.Value));

    public static Points operator -(Points value) => new(-value.Value);

    public static bool operator <(Points left, Points right) => left.Value < right.Value;

    public static bool operator >(Points left, Points right) => left.Value > right.Value;

    public static bool operator <=(Points left, Points right) => left.Value <= right.Value;

    public static bool operator >=(Points left, Points right) => left.Value >= right.Value;

    public static Points Add(Points left, Points right) => left + right;

    public static Points Subtract(Points left, Points right) => left - right;

    public static Points Negate(Points value) => -value;

    public int CompareTo(Points other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
