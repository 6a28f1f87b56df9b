using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PosLoyalty.Drivers.Scanner.Tests;

public sealed class ScanFramerProperties
{
    private static readonly string[] Terminators = ["\r", "\n", "\r\n", "\u0003"];

    [Fact]
    public void Any_printable_code_with_any_terminator_comes_back_unchanged()
    {
        var codes = Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./+%$ ".ToCharArray())
            .ArrayOf()
            .Where(a => a.Length is > 0 and <= 512)
            .Select(a => new string(a));
        var frames = codes.SelectMany(code => Gen.Elements(Terminators).Select(t => (Code: code, Terminator: t)));

        Prop.ForAll(frames.ToArbitrary(), frame =>
        {
            var framer = new ScanFramer(new ScanFramerOptions(), new FakeTimeProvider());
            var scans = framer.Feed(ScanFramerTests.Bytes(frame.Code + frame.Terminator));
            return scans.Count == 1 && scans[0].Code == frame.Code && framer.BufferedByteCount == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_byte_sequence_leaves_the_buffer_within_bounds()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var framer = new ScanFramer(new ScanFramerOptions { MaxFrameLength = 8 }, new FakeTimeProvider());
            framer.Feed(bytes);
            return framer.BufferedByteCount <= 8;
        }).QuickCheckThrowOnFailure();
    }
}
