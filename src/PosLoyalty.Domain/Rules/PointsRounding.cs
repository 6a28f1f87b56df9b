namespace PosLoyalty.Domain.Rules;

/// <summary>How fractional points from a sale become whole points.</summary>
public enum PointsRounding
{
    /// <summary>Down: 12.99 points → 12. The usual choice; never promises more than earned.</summary>
    Floor,

    /// <summary>Half away from zero: 12.5 → 13.</summary>
    Nearest,

    /// <summary>Up: 12.01 → 13.</summary>
    Ceiling,
}
