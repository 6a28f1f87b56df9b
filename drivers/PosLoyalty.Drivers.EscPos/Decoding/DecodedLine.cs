namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// One printed line. Positioning commands (ESC $, ESC \, HT) become spaces, so columns line up as on paper
/// when the line is in the base font at normal width.
/// </summary>
/// <param name="Text">The characters, trailing spaces removed.</param>
/// <param name="Bold">True when any non-space character was printed emphasized (ESC E, ESC G, ESC !).</param>
/// <param name="Underline">True when any non-space character was printed underlined.</param>
/// <param name="WidthMultiplier">The largest width magnification on the line (1 = normal, up to 8).</param>
/// <param name="HeightMultiplier">The largest height magnification on the line (1 = normal, up to 8).</param>
/// <param name="Alignment">The justification in effect when the line's first character was printed.</param>
/// <param name="Inverse">True when any non-space character was printed white on black (GS B, Star ESC 4).</param>
public sealed record DecodedLine(
    string Text,
    bool Bold,
    bool Underline,
    int WidthMultiplier,
    int HeightMultiplier,
    LineAlignment Alignment,
    bool Inverse = false);
