using System.Text;
using Xunit;

namespace PosLoyalty.Drivers.Display.Tests;

public sealed class PoleDisplayTests
{
    private readonly RecordingStream transport = new();

    [Theory]
    [InlineData(PoleDisplayProtocol.Cd5220)]
    [InlineData(PoleDisplayProtocol.EpsonDmD)]
    public void Clear_sends_form_feed(PoleDisplayProtocol protocol)
    {
        Display(protocol).Clear();

        Assert.Equal([0x0C], transport.Written);
    }

    [Theory]
    [InlineData(PoleDisplayProtocol.Cd5220)]
    [InlineData(PoleDisplayProtocol.EpsonDmD)]
    public void Initialize_sends_esc_at(PoleDisplayProtocol protocol)
    {
        Display(protocol).Initialize();

        Assert.Equal([0x1B, 0x40], transport.Written);
    }

    [Fact]
    public void Cd5220_writes_upper_line_with_esc_q_a_and_lower_with_esc_q_b_each_ended_by_cr()
    {
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Welcome back,", "Anna");

        byte[] expected =
        [
            0x1B, 0x51, 0x41, .. Ascii("Welcome back,       "), 0x0D,
            0x1B, 0x51, 0x42, .. Ascii("Anna                "), 0x0D,
        ];
        Assert.Equal(expected, transport.Written);
    }

    [Fact]
    public void Epson_dm_d_moves_the_cursor_to_column_1_of_each_line_then_writes_the_text()
    {
        Display(PoleDisplayProtocol.EpsonDmD).ShowLines("Total", "12.50");

        byte[] expected =
        [
            0x1F, 0x24, 0x01, 0x01, .. Ascii("Total               "),
            0x1F, 0x24, 0x01, 0x02, .. Ascii("12.50               "),
        ];
        Assert.Equal(expected, transport.Written);
    }

    [Fact]
    public void Lines_longer_than_20_characters_are_truncated_to_20()
    {
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Welcome back, Maximiliane", "123456789012345678901234");

        var written = transport.Written;
        Assert.Equal(3 + 20 + 1 + 3 + 20 + 1, written.Length);
        Assert.Equal(Ascii("Welcome back, Maximi"), written[3..23]);
        Assert.Equal(Ascii("12345678901234567890"), written[27..47]);
    }

    [Fact]
    public void Empty_lines_are_twenty_spaces()
    {
        Display(PoleDisplayProtocol.EpsonDmD).ShowLines(string.Empty, string.Empty);

        Assert.Equal(Ascii(new string(' ', 20)), transport.Written[4..24]);
        Assert.Equal(Ascii(new string(' ', 20)), transport.Written[28..48]);
    }

    [Fact]
    public void Pc437_sends_the_characters_it_has_and_transliterates_the_rest()
    {
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Grüße Zoë, Ærø", "x");

        // PC437: ü 81, ß E1, ë 89, Æ 92; ø is not in PC437 → o.
        byte[] expected = [0x47, 0x72, 0x81, 0xE1, 0x65, 0x20, 0x5A, 0x6F, 0x89, 0x2C, 0x20, 0x92, 0x72, (byte)'o', .. Ascii("      ")];
        Assert.Equal(expected, UpperLine());
    }

    [Fact]
    public void Page_without_sharp_s_or_accents_gets_ascii_transliteration()
    {
        // PC866 (Cyrillic) has no ü, ß, ë, Æ or ø.
        Display(PoleDisplayProtocol.Cd5220, codePage: 866).ShowLines("Grüße Zoë, Ærø", "x");

        Assert.Equal(Ascii("Grusse Zoe, AEro    "), UpperLine());
    }

    [Fact]
    public void Accents_the_page_lacks_are_stripped_by_decomposition()
    {
        // PC437 has ó (A2) but not ź, ł, ą or ş.
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Łódź Bąk Şen", "x");

        byte[] expected = [(byte)'L', 0xA2, (byte)'d', (byte)'z', .. Ascii(" Bak Sen"), .. Ascii("        ")];
        Assert.Equal(expected, UpperLine());
    }

    [Fact]
    public void Combining_marks_are_composed_before_encoding()
    {
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Zoe\u0308", "x");

        Assert.Equal([0x5A, 0x6F, 0x89], UpperLine()[..3]);
    }

    [Fact]
    public void Characters_with_no_transliteration_become_one_question_mark_each()
    {
        Display(PoleDisplayProtocol.Cd5220).ShowLines("Anna \u2615 \U0001F389 \u4E2D", "x");

        Assert.Equal(Ascii("Anna ? ? ?          "), UpperLine());
    }

    [Theory]
    [InlineData(PoleDisplayProtocol.Cd5220)]
    [InlineData(PoleDisplayProtocol.EpsonDmD)]
    public void Control_characters_in_text_never_reach_the_display_as_commands(PoleDisplayProtocol protocol)
    {
        Display(protocol).ShowLines("A\u001B@\r\nB\f\u001F$", "\u0000\u0085\u007F");

        var written = transport.Written;
        var text = protocol == PoleDisplayProtocol.Cd5220
            ? written[3..23].Concat(written[27..47])
            : written[4..24].Concat(written[28..48]);
        Assert.All(text, b => Assert.InRange(b, (byte)0x20, (byte)0xFF));
        Assert.DoesNotContain((byte)0x7F, text);
        Assert.Equal(Ascii("A?@??B??$"), written[(protocol == PoleDisplayProtocol.Cd5220 ? 3 : 4)..][..9]);
    }

    [Fact]
    public void Euro_sign_is_sent_on_pc858_and_spelled_out_on_pc437()
    {
        using (var pc858 = new PoleDisplay(transport, shouldDispose: false, PoleDisplayProtocol.Cd5220, codePage: 858))
        {
            pc858.ShowLines("\u20AC5", "x");
        }

        var pc437 = new RecordingStream();
        new PoleDisplay(pc437, shouldDispose: true).ShowLines("\u20AC5", "x");

        Assert.Equal([0xD5, (byte)'5'], transport.Written[3..5]);
        Assert.Equal(Ascii("EUR5"), pc437.Written[3..7]);
    }

    [Fact]
    public void Transliteration_that_overflows_the_line_is_cut_at_20()
    {
        Display(PoleDisplayProtocol.Cd5220, codePage: 866).ShowLines(new string('x', 19) + "ß", "x");

        Assert.Equal(Ascii(new string('x', 19) + "s"), UpperLine());
    }

    [Fact]
    public void Each_command_is_written_whole_and_flushed()
    {
        var display = Display(PoleDisplayProtocol.Cd5220);

        display.Clear();
        display.ShowLines("a", "b");

        Assert.Equal(2, transport.Flushes);
    }

    [Theory]
    [InlineData(PoleDisplayProtocol.Cd5220)]
    [InlineData(PoleDisplayProtocol.EpsonDmD)]
    public async Task Async_methods_write_the_same_bytes_as_sync_ones(PoleDisplayProtocol protocol)
    {
        var sync = new RecordingStream();
        using (var display = new PoleDisplay(sync, true, protocol))
        {
            display.Initialize();
            display.Clear();
            display.ShowLines("Grüße", "Punkte: 120");
        }

        await using (var display = new PoleDisplay(transport, false, protocol))
        {
            await display.InitializeAsync();
            await display.ClearAsync();
            await display.ShowLinesAsync("Grüße", "Punkte: 120");
        }

        Assert.Equal(sync.Written, transport.Written);
        Assert.Equal(3, transport.Flushes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Disposing_disposes_the_transport_only_when_told_to(bool shouldDispose)
    {
        new PoleDisplay(transport, shouldDispose).Dispose();

        Assert.Equal(shouldDispose, transport.Disposed);
    }

    [Fact]
    public void Writing_after_dispose_throws_ObjectDisposedException()
    {
        var display = new PoleDisplay(transport, false);
        display.Dispose();

        Assert.Throws<ObjectDisposedException>(display.Clear);
    }

    [Theory]
    [InlineData(65001)]
    [InlineData(12345)]
    public void Code_page_that_is_unknown_or_multi_byte_is_rejected(int codePage)
    {
        var error = Assert.Throws<ArgumentException>(() => new PoleDisplay(transport, false, PoleDisplayProtocol.Cd5220, codePage));

        Assert.Contains(codePage.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_protocol_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoleDisplay(transport, false, (PoleDisplayProtocol)42));
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private PoleDisplay Display(PoleDisplayProtocol protocol, int codePage = PoleDisplay.DefaultCodePage) =>
        new(transport, shouldDispose: false, protocol, codePage);

    private byte[] UpperLine() => transport.Written[3..23];
}
