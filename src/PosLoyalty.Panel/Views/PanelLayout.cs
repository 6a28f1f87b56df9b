namespace PosLoyalty.Panel.Views;

/// <summary>
/// The size of the terminal a frame is drawn for. Views choose between a narrow and a wide
/// arrangement from it and budget their lines so nothing important falls off the bottom.
/// </summary>
public sealed record PanelLayout(int Width, int Height)
{
    public const int WideFrom = 100;

    public static PanelLayout Standard { get; } = new(80, 24);

    public static PanelLayout Large { get; } = new(120, 40);

    public bool IsWide => Width >= WideFrom;

    /// <summary>Tall terminals get more notes and a roomier greeting.</summary>
    public bool IsTall => Height >= 32;
}
