using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace PosLoyalty.Drivers.Display.Tests;

public sealed class DisplayTextProperties
{
    [Fact]
    public void Any_string_encodes_to_exactly_20_printable_bytes()
    {
        var text = new DisplayText(437);

        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), s =>
        {
            var line = text.Encode(s, PoleDisplay.Columns);
            return line.Length == PoleDisplay.Columns && line.All(b => b >= 0x20 && b != 0x7F);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Printable_ascii_is_sent_unchanged()
    {
        var text = new DisplayText(437);
        var printable = Gen.Choose(0x20, 0x7E).Select(i => (char)i).ArrayOf().Select(a => new string(a));

        Prop.ForAll(printable.ToArbitrary(), s =>
        {
            var expected = (s.Length > 20 ? s[..20] : s.PadRight(20)).Select(c => (byte)c);
            return text.Encode(s, 20).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
