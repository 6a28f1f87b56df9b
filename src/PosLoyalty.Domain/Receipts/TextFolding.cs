using System.Globalization;
using System.Text;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Folds text for label matching: upper case, accents dropped (À → A, Ä → A, Č → C), ß → SS, Ł → L, Ø → O,
/// Æ → AE, no-break spaces → space. POS systems print with and without accents, depending on their code page.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ß':
                    folded.Append("SS");
                    break;
                case 'ł' or 'Ł':
                    folded.Append('L');
                    break;
                case 'ø' or 'Ø':
                    folded.Append('O');
                    break;
                case 'æ' or 'Æ':
                    folded.Append("AE");
                    break;
                case 'đ' or 'Đ':
                    folded.Append('D');
                    break;
                case 'ı':
                    folded.Append('I');
                    break;
                case 'º' or '№':
                    folded.Append('°'); // "Nº", "nº", "№": a number sign, not a letter
                    break;
                case '\u00A0' or '\u202F' or '\u2007' or '\t':
                    folded.Append(' ');
                    break;
                default:
                    folded.Append(char.ToUpperInvariant(c));
                    break;
            }
        }

        return folded.ToString();
    }
}
