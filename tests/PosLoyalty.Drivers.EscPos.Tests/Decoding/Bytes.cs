using System.Text;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>Builds printer byte streams: strings as ISO-8859-1 bytes, ints as single bytes, arrays as they are.</summary>
internal static class Bytes
{
    public const byte Esc = 0x1B;
    public const byte Gs = 0x1D;
    public const byte Fs = 0x1C;
    public const byte Lf = 0x0A;
    public const byte Ht = 0x09;

    public static byte[] Of(params object[] parts)
    {
        var buffer = new List<byte>();
        foreach (object part in parts)
        {
            switch (part)
            {
                case string text:
                    buffer.AddRange(Encoding.Latin1.GetBytes(text));
                    break;
                case byte b:
                    buffer.Add(b);
                    break;
                case char c:
                    buffer.Add(checked((byte)c));
                    break;
                case int i:
                    buffer.Add(checked((byte)i));
                    break;
                case byte[] array:
                    buffer.AddRange(array);
                    break;
                default:
                    throw new ArgumentException($"Cannot turn {part.GetType()} into bytes.", nameof(parts));
            }
        }

        return [.. buffer];
    }

    /// <summary>Bytes that would look like text (letters, digits, LF, ESC) if a decoder read them as such.</summary>
    public static byte[] TextLookingImageData(int length)
    {
        byte[] data = new byte[length];
        const string pattern = "LEAK 99.99\n\u001b@\u001dV\u0000TOTAL";
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)pattern[i % pattern.Length];
        }

        return data;
    }
}
