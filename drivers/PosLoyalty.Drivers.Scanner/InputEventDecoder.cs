using System.Buffers.Binary;

namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Turns Linux <c>struct input_event</c> records from a keyboard-wedge scanner into the bytes the scanner
/// "typed", with CR for ENTER, keypad ENTER and TAB, so a <see cref="ScanFramer"/> can frame them.
/// </summary>
/// <remarks>
/// <para>Layout (include/uapi/linux/input.h): <c>struct timeval time; __u16 type; __u16 code; __s32 value;</c>.
/// The timeval is two longs: 24 bytes per event on 64-bit, 16 on 32-bit (armhf, also with 64-bit time_t,
/// and a 32-bit process on a 64-bit kernel gets the compat layout). Little-endian on every target we ship
/// (x64, arm64, armhf).</para>
/// <para>US layout (the kernel's defkeymap and xkb "us"): left/right shift, caps lock for letters only,
/// keypad digits as digits (scanners assume NumLock on), Ctrl+key gives the ASCII control character
/// (Ctrl+] is GS, how many scanners type GS1 FNC1), and Alt held while typing keypad digits gives the
/// character with that decimal code when Alt is released (the "Alt mode" some scanners offer for control
/// characters).</para>
/// <para>Reads may split records anywhere; a partial record is kept until the rest arrives.</para>
/// </remarks>
internal sealed class InputEventDecoder
{
    /// <summary><c>sizeof(struct input_event)</c> with 64-bit longs.</summary>
    public const int EventSize64 = 24;

    /// <summary><c>sizeof(struct input_event)</c> with 32-bit longs.</summary>
    public const int EventSize32 = 16;

    private const byte Cr = (byte)FrameByte.Cr;
    private const int Release = 0;
    private const int Press = 1;
    private const int Autorepeat = 2;

    private readonly int eventSize;
    private readonly int typeOffset;
    private readonly byte[] partial;
    private int partialLength;

    private bool leftShift;
    private bool rightShift;
    private bool leftCtrl;
    private bool rightCtrl;
    private bool alt;
    private bool capsLock;
    private int altCode;
    private int altDigits;

    public InputEventDecoder(int eventSize)
    {
        if (eventSize is not (EventSize64 or EventSize32))
        {
            throw new ArgumentOutOfRangeException(nameof(eventSize), eventSize, "An input_event is 24 bytes (64-bit) or 16 bytes (32-bit).");
        }

        this.eventSize = eventSize;
        typeOffset = eventSize - 8;
        partial = new byte[eventSize];
    }

    /// <summary><c>sizeof(struct input_event)</c> for this process.</summary>
    public static int NativeEventSize => IntPtr.Size == 8 ? EventSize64 : EventSize32;

    public int EventSize => eventSize;

    /// <summary>Bytes of an unfinished record. Always less than <see cref="EventSize"/>.</summary>
    public int BufferedByteCount => partialLength;

    /// <summary>The output space <see cref="Decode"/> may need for <paramref name="inputLength"/> bytes.</summary>
    public int MaxOutputLength(int inputLength) => (partialLength + inputLength) / eventSize;

    /// <summary>Decodes records; writes at most one byte per complete record to <paramref name="output"/>.</summary>
    /// <returns>Bytes written.</returns>
    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        if (partialLength > 0)
        {
            var take = Math.Min(eventSize - partialLength, input.Length);
            input[..take].CopyTo(partial.AsSpan(partialLength));
            partialLength += take;
            input = input[take..];
            if (partialLength < eventSize)
            {
                return 0;
            }

            partialLength = 0;
            written += DecodeOne(partial, output[written..]);
        }

        while (input.Length >= eventSize)
        {
            written += DecodeOne(input[..eventSize], output[written..]);
            input = input[eventSize..];
        }

        input.CopyTo(partial);
        partialLength = input.Length;
        return written;
    }

    /// <summary>Forgets modifiers, caps lock and any partial record (e.g. after the device reconnects).</summary>
    public void Reset()
    {
        partialLength = 0;
        leftShift = rightShift = leftCtrl = rightCtrl = alt = capsLock = false;
        altCode = altDigits = 0;
    }

    private static byte Printable(ushort code, bool shift)
    {
        // Index = key code. KEY_1 = 2 … KEY_0 = 11, KEY_Q = 16, KEY_A = 30, KEY_Z = 44, KEY_SPACE = 57;
        // 0 where the key types nothing (ESC, BACKSPACE, modifiers, and TAB/ENTER handled before).
        ReadOnlySpan<byte> normal = "\0\0"u8 + "1234567890-="u8 + "\0\0"u8 + "qwertyuiop[]"u8 + "\0\0"u8 + "asdfghjkl;'`"u8 + "\0\\"u8 + "zxcvbnm,./"u8 + "\0*\0 "u8;
        ReadOnlySpan<byte> shifted = "\0\0"u8 + "!@#$%^&*()_+"u8 + "\0\0"u8 + "QWERTYUIOP{}"u8 + "\0\0"u8 + "ASDFGHJKL:\"~"u8 + "\0|"u8 + "ZXCVBNM<>?"u8 + "\0*\0 "u8;

        // KEY_KP7 = 71 … KEY_KPDOT = 83, laid out as the keypad is.
        ReadOnlySpan<byte> keypad = "789-456+1230."u8;
        const int keypadFirst = 71;

        if (code < normal.Length)
        {
            return shift ? shifted[code] : normal[code];
        }

        var keypadIndex = code - keypadFirst;
        if (keypadIndex >= 0 && keypadIndex < keypad.Length)
        {
            return keypad[keypadIndex];
        }

        return (KeyCode)code switch
        {
            KeyCode.KeypadSlash => (byte)'/',
            KeyCode.KeypadEqual => (byte)'=',
            KeyCode.KeypadComma => (byte)',',
            _ => 0,
        };
    }

    private static int KeypadDigit(ushort code) => (KeyCode)code switch
    {
        KeyCode.Keypad0 => 0,
        KeyCode.Keypad1 => 1,
        KeyCode.Keypad2 => 2,
        KeyCode.Keypad3 => 3,
        KeyCode.Keypad4 => 4,
        KeyCode.Keypad5 => 5,
        KeyCode.Keypad6 => 6,
        KeyCode.Keypad7 => 7,
        KeyCode.Keypad8 => 8,
        KeyCode.Keypad9 => 9,
        _ => -1,
    };

    private int DecodeOne(ReadOnlySpan<byte> record, Span<byte> output)
    {
        var type = BinaryPrimitives.ReadUInt16LittleEndian(record[typeOffset..]);
        if (type != (ushort)InputEventType.Key)
        {
            return 0;
        }

        var code = BinaryPrimitives.ReadUInt16LittleEndian(record[(typeOffset + 2)..]);
        var value = BinaryPrimitives.ReadInt32LittleEndian(record[(typeOffset + 4)..]);
        if (value is not (Release or Press or Autorepeat))
        {
            return 0;
        }

        var b = Key(code, value);
        if (b < 0)
        {
            return 0;
        }

        output[0] = (byte)b;
        return 1;
    }

    private int Key(ushort code, int value)
    {
        var down = value != Release;
        switch ((KeyCode)code)
        {
            case KeyCode.LeftShift:
                leftShift = down;
                return -1;
            case KeyCode.RightShift:
                rightShift = down;
                return -1;
            case KeyCode.LeftCtrl:
                leftCtrl = down;
                return -1;
            case KeyCode.RightCtrl:
                rightCtrl = down;
                return -1;
            case KeyCode.LeftAlt or KeyCode.RightAlt:
                return AltKey(value);
            case KeyCode.CapsLock:
                // Toggles on the press only; autorepeat of a held caps lock does not toggle again.
                if (value == Press)
                {
                    capsLock = !capsLock;
                }

                return -1;
        }

        if (!down)
        {
            return -1;
        }

        if (alt)
        {
            var digit = KeypadDigit(code);
            if (digit >= 0 && altDigits < 3)
            {
                altCode = (altCode * 10) + digit;
                altDigits++;
            }

            return -1;
        }

        if ((KeyCode)code is KeyCode.Enter or KeyCode.KeypadEnter or KeyCode.Tab)
        {
            return Cr;
        }

        var shift = leftShift || rightShift;
        var c = Printable(code, shift);
        if (c == 0)
        {
            return -1;
        }

        if (char.IsAsciiLetter((char)c) && capsLock)
        {
            c = (byte)(c ^ 0x20);
        }

        if (leftCtrl || rightCtrl)
        {
            // ASCII control characters are '@'..'_' with bit 6 cleared (Ctrl+] = GS, Ctrl+M = CR).
            var upper = char.ToUpperInvariant((char)c);
            return upper is >= '@' and <= '_' ? upper & 0x1F : -1;
        }

        return c;
    }

    private int AltKey(int value)
    {
        if (value == Press)
        {
            alt = true;
            altCode = 0;
            altDigits = 0;
            return -1;
        }

        if (value == Release)
        {
            alt = false;
            if (altDigits > 0)
            {
                altDigits = 0;
                return altCode & 0xFF;
            }
        }

        return -1;
    }
}
