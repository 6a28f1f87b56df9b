using System.Text;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PosLoyalty.Drivers.Scanner.Tests;

public sealed class ScanFramerTests
{
    private const string Ean13 = "4006381333931";

    private readonly FakeTimeProvider clock = new();

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\u0003")]
    public void Each_terminator_ends_a_frame(string terminator)
    {
        var scans = Framer().Feed(Bytes(Ean13 + terminator));

        var scan = Assert.Single(scans);
        Assert.Equal(Ean13, scan.Code);
    }

    [Fact]
    public void Crlf_ends_one_frame_not_two()
    {
        var framer = Framer(new ScanFramerOptions { DebounceWindow = TimeSpan.Zero });

        var scans = framer.Feed(Bytes("A1\r\nB2\r\n"));

        Assert.Equal(["A1", "B2"], scans.Select(s => s.Code));
        Assert.Equal(0, framer.BufferedByteCount);
    }

    [Fact]
    public void Crlf_split_across_reads_is_still_one_terminator()
    {
        var framer = Framer(new ScanFramerOptions { DebounceWindow = TimeSpan.Zero });

        var first = framer.Feed(Bytes("A1\r"));
        var second = framer.Feed(Bytes("\nB2\n"));

        Assert.Equal("A1", Assert.Single(first).Code);
        Assert.Equal("B2", Assert.Single(second).Code);
    }

    [Fact]
    public void Lfcr_order_gives_one_scan_because_empty_frames_are_not_scans()
    {
        var scans = Framer().Feed(Bytes(Ean13 + "\n\r"));

        Assert.Equal(Ean13, Assert.Single(scans).Code);
    }

    [Fact]
    public void Stx_etx_frame_yields_the_data_without_either()
    {
        var scans = Framer().Feed([0x02, .. Bytes(Ean13), 0x03]);

        Assert.Equal(Ean13, Assert.Single(scans).Code);
    }

    [Fact]
    public void Bytes_before_stx_are_discarded_and_counted()
    {
        var framer = Framer();

        // A BCC byte after ETX, then the next STX frame.
        var scans = framer.Feed([0x02, (byte)'1', (byte)'2', 0x03, 0x31, 0x02, .. Bytes(Ean13), 0x03]);

        Assert.Equal(["12", Ean13], scans.Select(s => s.Code));
        Assert.Equal(1, framer.IncompleteFramesDropped);
    }

    [Fact]
    public void Empty_frames_and_bare_terminators_yield_nothing()
    {
        var framer = Framer();

        var scans = framer.Feed(Bytes("\r\n\r\r\n\u0003\u0002\u0003"));

        Assert.Empty(scans);
        Assert.Equal(0, framer.IncompleteFramesDropped);
        Assert.Equal(0, framer.OversizeFramesDropped);
    }

    [Theory]
    [InlineData("]C0", Symbology.Code128)]
    [InlineData("]C1", Symbology.Gs1128)]
    [InlineData("]E0", Symbology.Ean13)]
    [InlineData("]E3", Symbology.Ean13)]
    [InlineData("]E4", Symbology.Ean8)]
    [InlineData("]E2", Symbology.EanAddOn)]
    [InlineData("]Q1", Symbology.QrCode)]
    [InlineData("]Q3", Symbology.Gs1QrCode)]
    [InlineData("]d1", Symbology.DataMatrix)]
    [InlineData("]d2", Symbology.Gs1DataMatrix)]
    [InlineData("]A0", Symbology.Code39)]
    [InlineData("]F0", Symbology.Codabar)]
    [InlineData("]G0", Symbology.Code93)]
    [InlineData("]I0", Symbology.Interleaved2Of5)]
    [InlineData("]L0", Symbology.Pdf417)]
    [InlineData("]e0", Symbology.Gs1DataBar)]
    [InlineData("]z0", Symbology.Aztec)]
    [InlineData("]U0", Symbology.MaxiCode)]
    [InlineData("]X0", Symbology.Other)]
    public void Aim_identifier_is_recognised_and_stripped(string aim, Symbology expected)
    {
        var scan = Assert.Single(Framer().Feed(Bytes(aim + "12345\r")));

        Assert.Equal("12345", scan.Code);
        Assert.Equal(expected, scan.Symbology);
    }

    [Fact]
    public void Frame_without_aim_identifier_has_unknown_symbology()
    {
        var scan = Assert.Single(Framer().Feed(Bytes(Ean13 + "\r")));

        Assert.Equal(Symbology.Unknown, scan.Symbology);
    }

    [Fact]
    public void Aim_stripping_can_be_turned_off()
    {
        var scan = Assert.Single(Framer(new ScanFramerOptions { StripAimIdentifier = false }).Feed(Bytes("]E0" + Ean13 + "\r")));

        Assert.Equal("]E0" + Ean13, scan.Code);
        Assert.Equal(Symbology.Unknown, scan.Symbology);
    }

    [Theory]
    [InlineData("]J0abc")]
    [InlineData("]C-abc")]
    [InlineData("]C")]
    [InlineData("]")]
    public void Bracket_without_a_valid_aim_identifier_is_data(string code)
    {
        var scan = Assert.Single(Framer().Feed(Bytes(code + "\r")));

        Assert.Equal(code, scan.Code);
        Assert.Equal(Symbology.Unknown, scan.Symbology);
    }

    [Fact]
    public void Frame_that_is_only_an_aim_identifier_is_no_scan()
    {
        Assert.Empty(Framer().Feed(Bytes("]C1\r")));
    }

    [Fact]
    public void Gs1_fnc1_is_kept_as_group_separator()
    {
        // GS1-128: (01) GTIN, (10) batch — variable length, so FNC1 (sent as GS) separates it from (17).
        var data = "0104006381333931" + "10ABC123" + "\u001D" + "17251231";

        var scan = Assert.Single(Framer().Feed(Bytes("]C1" + data + "\r\n")));

        Assert.Equal(data, scan.Code);
        Assert.Equal(Symbology.Gs1128, scan.Symbology);
        Assert.Equal(1, scan.Code.Count(c => c == '\u001D'));
    }

    [Fact]
    public void Prefix_and_suffix_are_stripped_around_the_aim_identifier()
    {
        var framer = Framer(new ScanFramerOptions { Prefix = "#S", Suffix = "!" });

        var scan = Assert.Single(framer.Feed(Bytes("#S]E0" + Ean13 + "!\r")));

        Assert.Equal(Ean13, scan.Code);
        Assert.Equal(Symbology.Ean13, scan.Symbology);
    }

    [Fact]
    public void Frame_without_the_configured_prefix_and_suffix_is_kept_whole()
    {
        var framer = Framer(new ScanFramerOptions { Prefix = "#S", Suffix = "!" });

        var scan = Assert.Single(framer.Feed(Bytes("S" + Ean13 + "\r")));

        Assert.Equal("S" + Ean13, scan.Code);
    }

    [Fact]
    public void Partial_frame_older_than_the_inter_byte_timeout_is_discarded_not_flushed()
    {
        var framer = Framer(new ScanFramerOptions { InterByteTimeout = TimeSpan.FromMilliseconds(300) });

        var first = framer.Feed(Bytes("400638"));
        clock.Advance(TimeSpan.FromMilliseconds(301));
        var second = framer.Feed(Bytes("1333931\r"));

        Assert.Empty(first);
        Assert.Equal("1333931", Assert.Single(second).Code);
        Assert.Equal(1, framer.IncompleteFramesDropped);
    }

    [Fact]
    public void Slow_bytes_within_the_inter_byte_timeout_still_make_one_frame()
    {
        var framer = Framer(new ScanFramerOptions { InterByteTimeout = TimeSpan.FromMilliseconds(300) });
        var scans = new List<Scan>();

        foreach (var b in Bytes(Ean13 + "\r"))
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            framer.Feed([b], scans);
        }

        Assert.Equal(Ean13, Assert.Single(scans).Code);
        Assert.Equal(0, framer.IncompleteFramesDropped);
    }

    [Fact]
    public void Infinite_inter_byte_timeout_keeps_a_partial_frame_forever()
    {
        var framer = Framer(new ScanFramerOptions { InterByteTimeout = Timeout.InfiniteTimeSpan });

        framer.Feed(Bytes("400638"));
        clock.Advance(TimeSpan.FromHours(5));
        var scans = framer.Feed(Bytes("1333931\r"));

        Assert.Equal(Ean13, Assert.Single(scans).Code);
    }

    [Fact]
    public void Same_code_within_the_debounce_window_is_dropped_and_counted()
    {
        var framer = Framer(new ScanFramerOptions { DebounceWindow = TimeSpan.FromMilliseconds(500) });

        var first = framer.Feed(Bytes(Ean13 + "\r"));
        clock.Advance(TimeSpan.FromMilliseconds(499));
        var second = framer.Feed(Bytes(Ean13 + "\r"));

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(1, framer.DuplicateScansDropped);
    }

    [Fact]
    public void Same_code_after_the_debounce_window_is_reported_again()
    {
        var framer = Framer(new ScanFramerOptions { DebounceWindow = TimeSpan.FromMilliseconds(500) });

        framer.Feed(Bytes(Ean13 + "\r"));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var again = framer.Feed(Bytes(Ean13 + "\r"));

        Assert.Single(again);
        Assert.Equal(0, framer.DuplicateScansDropped);
    }

    [Fact]
    public void Different_code_within_the_debounce_window_is_reported()
    {
        var scans = Framer().Feed(Bytes(Ean13 + "\r" + "96385074\r"));

        Assert.Equal([Ean13, "96385074"], scans.Select(s => s.Code));
    }

    [Fact]
    public void Oversize_frame_is_dropped_and_counted_and_the_next_frame_survives()
    {
        var framer = Framer(new ScanFramerOptions { MaxFrameLength = 16 });

        var scans = framer.Feed(Bytes(new string('9', 40) + "\r" + Ean13 + "\r"));

        Assert.Equal(Ean13, Assert.Single(scans).Code);
        Assert.Equal(1, framer.OversizeFramesDropped);
    }

    [Fact]
    public void Frame_of_exactly_max_length_is_kept()
    {
        var framer = Framer(new ScanFramerOptions { MaxFrameLength = Ean13.Length });

        var scans = framer.Feed(Bytes(Ean13 + "\r"));

        Assert.Equal(Ean13, Assert.Single(scans).Code);
        Assert.Equal(0, framer.OversizeFramesDropped);
    }

    [Fact]
    public void Garbage_without_terminators_never_buffers_more_than_max_frame_length()
    {
        var framer = Framer(new ScanFramerOptions { MaxFrameLength = 32 });
        var garbage = Enumerable.Repeat((byte)'x', 10_000).ToArray();

        for (var i = 0; i < 100; i++)
        {
            framer.Feed(garbage);
            Assert.InRange(framer.BufferedByteCount, 0, framer.MaxFrameLength);
        }

        Assert.Equal(1, framer.OversizeFramesDropped);
    }

    [Fact]
    public void Scan_time_comes_from_the_time_provider()
    {
        clock.Advance(TimeSpan.FromMinutes(7));

        var scan = Assert.Single(Framer().Feed(Bytes(Ean13 + "\r")));

        Assert.Equal(clock.GetUtcNow(), scan.At);
    }

    [Fact]
    public void Bytes_above_ascii_map_one_to_one_to_latin1_characters()
    {
        var scan = Assert.Single(Framer().Feed([0x41, 0xE9, 0xFF, 0x0D]));

        Assert.Equal("A\u00E9\u00FF", scan.Code);
    }

    [Fact]
    public void Reset_forgets_the_partial_frame_and_the_debounce_memory()
    {
        var framer = Framer();
        framer.Feed(Bytes(Ean13 + "\r" + "123"));

        framer.Reset();
        var scans = framer.Feed(Bytes(Ean13 + "\r"));

        Assert.Equal(Ean13, Assert.Single(scans).Code);
        Assert.Equal(0, framer.BufferedByteCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_537)]
    public void Max_frame_length_out_of_range_is_rejected(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Framer(new ScanFramerOptions { MaxFrameLength = max }));
    }

    [Fact]
    public void Prefix_outside_latin1_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Framer(new ScanFramerOptions { Prefix = "\u20AC" }));

        Assert.Contains("Prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_timeouts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Framer(new ScanFramerOptions { InterByteTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Framer(new ScanFramerOptions { DebounceWindow = TimeSpan.FromSeconds(-1) }));
    }

    internal static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);

    private ScanFramer Framer(ScanFramerOptions? options = null) => new(options ?? new ScanFramerOptions(), clock);
}
