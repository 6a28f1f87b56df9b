using System.Text;
using PosLoyalty.Drivers.Scanner;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Fuzz;

/// <summary>Mutated scanner output (cards, coupons, AIM ids, STX/ETX, CR/LF) through the serial scan framer in random chunks.</summary>
[Trait("Category", "Slow")]
public sealed class ScanFramerFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] Interesting = [0x02, 0x03, 0x0D, 0x0A, 0x00, (byte)']', (byte)'C', (byte)'1', (byte)'Q', 0xFF, 0x1B, 0x7F];

    [Fact]
    public void Mutated_scans_never_throw_hang_or_grow_the_framer()
    {
        var corpus = new[] { "20000000042\r\n", "]C120000000042\r", "\u0002]E04006381333931\u0003", "ABCD-EFGH-JKMN-PQ\n", "]Q1https://example.test/c/1\r\n", "4111111111111111\r\n" }
            .Select(Encoding.Latin1.GetBytes).ToList();
        var mutator = new Mutator(corpus, 2024, Interesting);
        var framer = new ScanFramer();
        var scans = new List<Scan>();
        var maxBuffered = 0;
        var longest = 0;

        var result = FuzzRun.Run("scan-framer", Soak.Scale(1_000_000L), () => mutator.Next(2048), input =>
        {
            var offset = 0;
            while (offset < input.Length)
            {
                var n = Math.Min(mutator.Random.Next(1, 64), input.Length - offset);
                scans.Clear();
                framer.Feed(input.AsSpan(offset, n), scans);
                maxBuffered = Math.Max(maxBuffered, framer.BufferedByteCount);
                foreach (var s in scans)
                {
                    longest = Math.Max(longest, s.Code.Length);
                }

                offset += n;
            }
        });

        Assert.True(maxBuffered <= framer.MaxFrameLength, $"buffered {maxBuffered} > {framer.MaxFrameLength}");
        Assert.True(longest <= framer.MaxFrameLength, $"a scan of {longest} characters");
        output.WriteLine(FuzzRun.Figures("scan-framer", result));
    }
}
