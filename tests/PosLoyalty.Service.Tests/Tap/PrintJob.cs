using System.Text;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// The bytes of one print job as a POS library sends them: commands as raw bytes, text in the code page the
/// printer was last told to use. A character the code page cannot print fails the test that wrote it, so no test
/// silently reads '?' where it meant 'ő'.
/// </summary>
internal sealed class PrintJob
{
    private readonly List<byte> _bytes = [];
    private Encoding _text;

    static PrintJob()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public PrintJob(int codePage = 437)
    {
        _text = Strict(codePage);
        CodePage = codePage;
    }

    /// <summary>The .NET code page text is encoded in now.</summary>
    public int CodePage { get; private set; }

    /// <summary>Command bytes (ints 0–255, chars and ASCII strings: "\x1bE1" is ESC E '1').</summary>
    public PrintJob Raw(params object[] parts)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case int i:
                    _bytes.Add(checked((byte)i));
                    break;
                case byte b:
                    _bytes.Add(b);
                    break;
                case char c:
                    _bytes.Add(checked((byte)c));
                    break;
                case string s:
                    _bytes.AddRange(Encoding.Latin1.GetBytes(s));
                    break;
                case byte[] array:
                    _bytes.AddRange(array);
                    break;
                default:
                    throw new ArgumentException($"Cannot send {part.GetType()} as bytes.", nameof(parts));
            }
        }

        return this;
    }

    /// <summary>From here on text is encoded in this .NET code page (the command that selects it is the caller's).</summary>
    public PrintJob Use(int codePage)
    {
        _text = Strict(codePage);
        CodePage = codePage;
        return this;
    }

    /// <summary>Text in the current code page.</summary>
    public PrintJob Text(string text)
    {
        _bytes.AddRange(_text.GetBytes(text));
        return this;
    }

    public static bool CanEncode(int codePage, string text)
    {
        try
        {
            Strict(codePage).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    public byte[] ToArray() => [.. _bytes];

    private static Encoding Strict(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
