using Microsoft.Extensions.Time.Testing;
using Xunit;
using static PosLoyalty.Drivers.Scanner.Tests.InputEventRecording;

namespace PosLoyalty.Drivers.Scanner.Tests;

public sealed class EvdevKeyboardScannerTests
{
    private readonly FakeTimeProvider clock = new();

    public static TheoryData<int> EventSizes => [24, 16];

    [Theory]
    [MemberData(nameof(EventSizes))]
    public async Task Wedge_scan_of_an_ean13_then_enter_yields_the_code(int eventSize)
    {
        var recording = new InputEventRecording(eventSize).Type("4006381333931").Enter();

        var scans = await ReadAll(recording.ToArray(), eventSize);

        var scan = Assert.Single(scans);
        Assert.Equal("4006381333931", scan.Code);
        Assert.Equal(clock.GetUtcNow(), scan.At);
        Assert.Equal(13 * 2 * 3 * eventSize + (2 * 3 * eventSize), recording.Length);
    }

    [Theory]
    [MemberData(nameof(EventSizes))]
    public async Task Shift_and_caps_lock_give_mixed_case_and_caps_lock_leaves_digits_alone(int eventSize)
    {
        var recording = new InputEventRecording(eventSize)
            .Type("Ab1")
            .Tap(KeyCapsLock)
            .Type("cD1!") // caps on: c → C; shift+d → d; 1 stays 1; shift+1 stays !
            .Tap(KeyCapsLock)
            .Type("e")
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), eventSize));

        Assert.Equal("Ab1Cd1!e", scan.Code);
    }

    [Fact]
    public async Task Right_shift_shifts_like_left_shift()
    {
        var recording = new InputEventRecording(24)
            .Press(KeyRightShift).Tap(Letter('x')).Tap(Digit('2')).Release(KeyRightShift)
            .Tap(Letter('x'))
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("X@x", scan.Code);
    }

    [Fact]
    public async Task Releasing_one_shift_while_the_other_is_held_keeps_shift()
    {
        var recording = new InputEventRecording(24)
            .Press(KeyLeftShift).Press(KeyRightShift).Release(KeyLeftShift)
            .Tap(Letter('q'))
            .Release(KeyRightShift)
            .Tap(Letter('q'))
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("Qq", scan.Code);
    }

    [Theory]
    [MemberData(nameof(EventSizes))]
    public async Task Keypad_digits_type_digits_and_keypad_enter_ends_the_scan(int eventSize)
    {
        var recording = new InputEventRecording(eventSize);
        foreach (var c in "9780201379624")
        {
            recording.Tap(KeypadDigit(c));
        }

        recording.Tap(KeyKpEnter);

        var scan = Assert.Single(await ReadAll(recording.ToArray(), eventSize));

        Assert.Equal("9780201379624", scan.Code);
    }

    [Fact]
    public async Task Tab_ends_a_scan()
    {
        var recording = new InputEventRecording(24).Type("CARD0042").Tap(KeyTab).Type("CARD0043").Tap(KeyTab);

        var scans = await ReadAll(recording.ToArray(), 24);

        Assert.Equal(["CARD0042", "CARD0043"], scans.Select(s => s.Code));
    }

    [Fact]
    public async Task Every_us_layout_printable_character_round_trips()
    {
        const string Text = "the quick brown fox jumps over the lazy dog THE QUICK BROWN FOX 0123456789 " +
                            "!@#$%^&*()-_=+[{]}\\|;:'\",<.>/?`~";
        var recording = new InputEventRecording(24).Type(Text).Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24, new ScanFramerOptions { StripAimIdentifier = false }));

        Assert.Equal(Text, scan.Code);
    }

    [Fact]
    public async Task Autorepeat_types_the_character_again_and_release_types_nothing()
    {
        var recording = new InputEventRecording(24)
            .Press(Digit('7')).Repeat(Digit('7')).Repeat(Digit('7')).Release(Digit('7'))
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("777", scan.Code);
    }

    [Fact]
    public async Task Held_caps_lock_autorepeat_does_not_toggle_it_again()
    {
        var recording = new InputEventRecording(24)
            .Press(KeyCapsLock).Repeat(KeyCapsLock).Repeat(KeyCapsLock).Release(KeyCapsLock)
            .Type("abc")
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("ABC", scan.Code);
    }

    [Fact]
    public async Task Ctrl_right_bracket_types_group_separator_for_gs1_fnc1()
    {
        var recording = new InputEventRecording(24).Type("]C10104006381333931")
            .Press(KeyLeftCtrl).Tap(KeyRightBrace).Release(KeyLeftCtrl)
            .Type("10ABC")
            .Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("0104006381333931\u001D10ABC", scan.Code);
        Assert.Equal(Symbology.Gs1128, scan.Symbology);
    }

    [Fact]
    public async Task Alt_and_keypad_code_types_that_character_on_alt_release()
    {
        var recording = new InputEventRecording(24).Type("01");
        recording.Press(KeyLeftAlt).Tap(KeyKp0).Tap(KeyKp2).Tap(KeyKp9).Release(KeyLeftAlt);
        recording.Type("10X").Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("01\u001D10X", scan.Code);
    }

    [Fact]
    public async Task Escape_backspace_and_non_key_events_type_nothing()
    {
        var recording = new InputEventRecording(24).Type("12");
        recording.Tap(KeyEsc).Tap(KeyBackspace);
        recording.Event(0x02, 0x00, 5); // EV_REL REL_X, as from a combo device
        recording.Event(EvKey, Letter('a'), 7); // not a key state the kernel sends
        recording.Type("3").Enter();

        var scan = Assert.Single(await ReadAll(recording.ToArray(), 24));

        Assert.Equal("123", scan.Code);
    }

    [Theory]
    [InlineData(24, 1)]
    [InlineData(24, 5)]
    [InlineData(24, 23)]
    [InlineData(16, 3)]
    [InlineData(16, 17)]
    public async Task Events_split_anywhere_across_reads_decode_the_same(int eventSize, int chunk)
    {
        var recording = new InputEventRecording(eventSize).Type("Loyalty-0042").Enter().Type("X9").Tap(KeyTab);

        var scans = await ReadAll(recording.ToArray(), eventSize, chunk: chunk);

        Assert.Equal(["Loyalty-0042", "X9"], scans.Select(s => s.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(32)]
    public void Event_size_other_than_16_or_24_is_rejected(int eventSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvdevKeyboardScanner(new MemoryStream(), true, inputEventSize: eventSize));
    }

    [Fact]
    public void Default_event_size_is_the_running_process_s()
    {
        using var scanner = new EvdevKeyboardScanner(new MemoryStream(), true);

        Assert.Equal(IntPtr.Size == 8 ? 24 : 16, scanner.InputEventSize);
        Assert.Equal(scanner.InputEventSize, EvdevKeyboardScanner.NativeInputEventSize);
    }

    private async Task<List<Scan>> ReadAll(byte[] recording, int eventSize, ScanFramerOptions? options = null, int chunk = 4096)
    {
        await using var scanner = new EvdevKeyboardScanner(new ChunkedStream(recording, chunk), true, options, clock, eventSize);
        var scans = new List<Scan>();
        try
        {
            while (true)
            {
                scans.Add(await scanner.ReadAsync());
            }
        }
        catch (EndOfStreamException)
        {
            return scans;
        }
    }
}
