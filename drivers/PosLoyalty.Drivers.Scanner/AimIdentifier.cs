namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Recognises the three-character AIM symbology identifier <c>]cm</c> (ISO/IEC 15424:2008, table 1 for the
/// symbology characters; the modifier meanings are each symbology's AIM specification).
/// </summary>
internal static class AimIdentifier
{
    public const int Length = 3;

    // Symbology characters assigned by ISO/IEC 15424 table 1. Only these are taken as an identifier, so a
    // code that merely starts with ']' followed by some other letter keeps its data.
    private const string FlagCharacters = "ABCDEFGHIKLMNOPQRSTUXYZdeopsz";

    public static bool TryParse(ReadOnlySpan<byte> frame, out Symbology symbology)
    {
        symbology = Symbology.Unknown;
        if (frame.Length < Length || frame[0] != (byte)']')
        {
            return false;
        }

        var flag = (char)frame[1];
        var modifier = (char)frame[2];
        if (!FlagCharacters.Contains(flag, StringComparison.Ordinal) || !char.IsAsciiLetterOrDigit(modifier))
        {
            return false;
        }

        symbology = Map(flag, modifier);
        return true;
    }

    private static Symbology Map(char flag, char modifier) => flag switch
    {
        'A' => Symbology.Code39,
        'C' => modifier == '1' ? Symbology.Gs1128 : Symbology.Code128,
        'E' => modifier switch
        {
            '0' or '3' => Symbology.Ean13,
            '4' => Symbology.Ean8,
            '1' or '2' => Symbology.EanAddOn,
            _ => Symbology.Other,
        },
        'F' => Symbology.Codabar,
        'G' => Symbology.Code93,
        'H' => Symbology.Code11,
        'I' => Symbology.Interleaved2Of5,
        'M' => Symbology.Msi,
        'L' => Symbology.Pdf417,
        'Q' => modifier is '3' or '4' ? Symbology.Gs1QrCode : Symbology.QrCode,
        'U' => Symbology.MaxiCode,
        'd' => modifier is '2' or '5' ? Symbology.Gs1DataMatrix : Symbology.DataMatrix,
        'e' => Symbology.Gs1DataBar,
        'z' => Symbology.Aztec,
        _ => Symbology.Other,
    };
}
