using System.Buffers.Binary;

namespace PosLoyalty.Drivers.Scanner.Tests;

/// <summary>
/// Writes <c>struct input_event</c> records byte for byte as the kernel's USB HID driver does for a keyboard
/// wedge: for each key change an EV_MSC/MSC_SCAN with the HID usage, the EV_KEY, then EV_SYN/SYN_REPORT.
/// 24-byte records (two 64-bit timeval fields) or 16-byte ones (two 32-bit fields, armhf).
/// Codes are from include/uapi/linux/input-event-codes.h, written out here independently of the driver.
/// </summary>
internal sealed class InputEventRecording(int eventSize)
{
    public const ushort EvSyn = 0x00;
    public const ushort EvKey = 0x01;
    public const ushort EvMsc = 0x04;
    public const ushort MscScan = 0x04;
    public const ushort SynReport = 0;

    public const ushort KeyEsc = 1;
    public const ushort KeyMinus = 12;
    public const ushort KeyEqual = 13;
    public const ushort KeyBackspace = 14;
    public const ushort KeyTab = 15;
    public const ushort KeyLeftBrace = 26;
    public const ushort KeyRightBrace = 27;
    public const ushort KeyEnter = 28;
    public const ushort KeyLeftCtrl = 29;
    public const ushort KeySemicolon = 39;
    public const ushort KeyApostrophe = 40;
    public const ushort KeyGrave = 41;
    public const ushort KeyLeftShift = 42;
    public const ushort KeyBackslash = 43;
    public const ushort KeyComma = 51;
    public const ushort KeyDot = 52;
    public const ushort KeySlash = 53;
    public const ushort KeyRightShift = 54;
    public const ushort KeyLeftAlt = 56;
    public const ushort KeySpace = 57;
    public const ushort KeyCapsLock = 58;
    public const ushort KeyKp7 = 71;
    public const ushort KeyKp8 = 72;
    public const ushort KeyKp9 = 73;
    public const ushort KeyKp4 = 75;
    public const ushort KeyKp5 = 76;
    public const ushort KeyKp6 = 77;
    public const ushort KeyKp1 = 79;
    public const ushort KeyKp2 = 80;
    public const ushort KeyKp3 = 81;
    public const ushort KeyKp0 = 82;
    public const ushort KeyKpEnter = 96;

    private const string DigitRow = "1234567890";
    private const string ShiftedDigitRow = "!@#$%^&*()";

    private readonly MemoryStream bytes = new();
    private long microseconds = 1_741_944_600_000_000;

    public int Length => (int)bytes.Length;

    /// <summary>The key code for a letter, from input-event-codes.h.</summary>
    public static ushort Letter(char c) => char.ToLowerInvariant(c) switch
    {
        'q' => 16, 'w' => 17, 'e' => 18, 'r' => 19, 't' => 20, 'y' => 21, 'u' => 22, 'i' => 23, 'o' => 24, 'p' => 25,
        'a' => 30, 's' => 31, 'd' => 32, 'f' => 33, 'g' => 34, 'h' => 35, 'j' => 36, 'k' => 37, 'l' => 38,
        'z' => 44, 'x' => 45, 'c' => 46, 'v' => 47, 'b' => 48, 'n' => 49, 'm' => 50,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "not a letter"),
    };

    /// <summary>KEY_1 = 2 … KEY_9 = 10, KEY_0 = 11.</summary>
    public static ushort Digit(char c) => c == '0' ? (ushort)11 : (ushort)(c - '1' + 2);

    /// <summary>KEY_KP0 … KEY_KP9.</summary>
    public static ushort KeypadDigit(char c) => c switch
    {
        '0' => KeyKp0, '1' => KeyKp1, '2' => KeyKp2, '3' => KeyKp3, '4' => KeyKp4,
        '5' => KeyKp5, '6' => KeyKp6, '7' => KeyKp7, '8' => KeyKp8, '9' => KeyKp9,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "not a digit"),
    };

    public void Event(ushort type, ushort code, int value)
    {
        Span<byte> record = stackalloc byte[eventSize];
        var seconds = microseconds / 1_000_000;
        var micros = microseconds % 1_000_000;
        if (eventSize == 24)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record, seconds);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], micros);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(record, (int)seconds);
            BinaryPrimitives.WriteInt32LittleEndian(record[4..], (int)micros);
        }

        var at = eventSize - 8;
        BinaryPrimitives.WriteUInt16LittleEndian(record[at..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(record[(at + 2)..], code);
        BinaryPrimitives.WriteInt32LittleEndian(record[(at + 4)..], value);
        bytes.Write(record);
    }

    /// <summary>One key change as one HID report: MSC_SCAN, EV_KEY, SYN_REPORT.</summary>
    public InputEventRecording Key(ushort code, int value)
    {
        Event(EvMsc, MscScan, HidUsage(code));
        Event(EvKey, code, value);
        Event(EvSyn, SynReport, 0);
        microseconds += 4_000; // scanners type about one key per USB poll interval
        return this;
    }

    public InputEventRecording Press(ushort code) => Key(code, 1);

    public InputEventRecording Release(ushort code) => Key(code, 0);

    /// <summary>Kernel autorepeat: EV_KEY value 2 then SYN_REPORT, no MSC_SCAN.</summary>
    public InputEventRecording Repeat(ushort code)
    {
        Event(EvKey, code, 2);
        Event(EvSyn, SynReport, 0);
        return this;
    }

    public InputEventRecording Tap(ushort code) => Press(code).Release(code);

    /// <summary>Types text as a US-layout wedge does: left shift held for capitals and shifted symbols.</summary>
    public InputEventRecording Type(string text)
    {
        foreach (var c in text)
        {
            var (code, shift) = KeyFor(c);
            if (shift)
            {
                Press(KeyLeftShift);
            }

            Tap(code);
            if (shift)
            {
                Release(KeyLeftShift);
            }
        }

        return this;
    }

    public InputEventRecording Enter() => Tap(KeyEnter);

    public byte[] ToArray() => bytes.ToArray();

    private static (ushort Code, bool Shift) KeyFor(char c)
    {
        if (char.IsAsciiLetterLower(c))
        {
            return (Letter(c), false);
        }

        if (char.IsAsciiLetterUpper(c))
        {
            return (Letter(c), true);
        }

        if (char.IsAsciiDigit(c))
        {
            return (Digit(c), false);
        }

        var shifted = ShiftedDigitRow.IndexOf(c, StringComparison.Ordinal);
        if (shifted >= 0)
        {
            return (Digit(DigitRow[shifted]), true);
        }

        return c switch
        {
            '-' => (KeyMinus, false), '_' => (KeyMinus, true),
            '=' => (KeyEqual, false), '+' => (KeyEqual, true),
            '[' => (KeyLeftBrace, false), '{' => (KeyLeftBrace, true),
            ']' => (KeyRightBrace, false), '}' => (KeyRightBrace, true),
            ';' => (KeySemicolon, false), ':' => (KeySemicolon, true),
            '\'' => (KeyApostrophe, false), '"' => (KeyApostrophe, true),
            '`' => (KeyGrave, false), '~' => (KeyGrave, true),
            '\\' => (KeyBackslash, false), '|' => (KeyBackslash, true),
            ',' => (KeyComma, false), '<' => (KeyComma, true),
            '.' => (KeyDot, false), '>' => (KeyDot, true),
            '/' => (KeySlash, false), '?' => (KeySlash, true),
            ' ' => (KeySpace, false),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c, "no US-layout key"),
        };
    }

    /// <summary>HID usage page 7 (keyboard) usage for a key, as the kernel reports it in MSC_SCAN.</summary>
    private static int HidUsage(ushort code)
    {
        const int Page = 0x70000;
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        for (var i = 0; i < Letters.Length; i++)
        {
            if (Letter(Letters[i]) == code)
            {
                return Page + 0x04 + i;
            }
        }

        if (code is >= 2 and <= 11)
        {
            return Page + 0x1E + (code - 2);
        }

        return code switch
        {
            KeyEnter => Page + 0x28,
            KeyTab => Page + 0x2B,
            KeyMinus => Page + 0x2D,
            KeySpace => Page + 0x2C,
            KeyCapsLock => Page + 0x39,
            KeyLeftCtrl => Page + 0xE0,
            KeyLeftShift => Page + 0xE1,
            KeyLeftAlt => Page + 0xE2,
            KeyRightShift => Page + 0xE5,
            KeyKpEnter => Page + 0x58,
            >= KeyKp7 and <= KeyKp0 => Page + 0x59, // keypad block; the decoder ignores MSC_SCAN values
            _ => Page,
        };
    }
}
