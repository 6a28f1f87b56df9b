namespace PosLoyalty.Drivers.EscPos;

/// <summary>How <see cref="EscPosEncoder.Cut"/> cuts the paper (GS V m).</summary>
public enum CutMode
{
    /// <summary>Full cut (GS V 0 / GS V 65 n).</summary>
    Full,

    /// <summary>Partial cut, one point left uncut (GS V 1 / GS V 66 n).</summary>
    Partial,
}
