using System.Text;
using PosLoyalty.Reliability.Infrastructure;
using PosLoyalty.Service.PosEvents;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Fuzz;

/// <summary>Mutated POS event lines through the line reader (framing, UTF-8, the 64 KiB cap) and the strict event parser.</summary>
[Trait("Category", "Slow")]
public sealed class PosEventFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] Interesting = "{}[]\":,\\\n\r0-.eE\0\u007f"u8.ToArray().Concat(new byte[] { 0xC3, 0xFF, 0xED, 0xA0, 0x80, 0xF4 }).ToArray();

    [Fact]
    public void Mutated_event_lines_never_throw_hang_or_grow_the_reader()
    {
        var corpus = new[]
        {
            """{"type":"sale","till":"till-1","receiptNumber":"R-1001","total":12.50,"currency":"EUR","items":[{"sku":"LAT","description":"Latte","quantity":2,"amount":7.00},{"description":"Croissant","quantity":1,"amount":5.50}],"at":"2025-06-02T14:03:00+02:00"}""" + "\n",
            """{"type":"sale","receiptNumber":"R-1002","total":3.20}""" + "\r\n",
            """{"type":"refund","receiptNumber":"R-1001","total":-12.50}""" + "\n",
            """{"type":"void","receiptNumber":"R-1002"}""" + "\n",
            """{"type":"sale","receiptNumber":"R-9","total":1e400,"items":[[[[[[[[[[1]]]]]]]]]]}""" + "\n",
        }.Select(Encoding.UTF8.GetBytes).ToList();
        var mutator = new Mutator(corpus, 77, Interesting, maxRounds: 2);
        var reader = new PosEventLineReader(maxLineBytes: 4096);
        var lines = new List<PosEventLine>();
        long parsed = 0;
        long refused = 0;
        var maxBuffered = 0;

        var result = FuzzRun.Run("pos-events", Soak.Scale(1_000_000L), () => mutator.Next(8192), input =>
        {
            lines.Clear();
            var offset = 0;
            while (offset < input.Length)
            {
                var n = Math.Min(mutator.Random.Next(1, 512), input.Length - offset);
                reader.Push(input.AsSpan(offset, n), lines);
                maxBuffered = Math.Max(maxBuffered, reader.BufferedBytes);
                offset += n;
            }

            foreach (var line in lines)
            {
                if (line.Text is null)
                {
                    Assert.NotNull(line.Error);
                    refused++;
                }
                else if (PosEventReader.TryParse(line.Text, line.Number, out var posEvent, out var error))
                {
                    Assert.NotNull(posEvent);
                    parsed++;
                }
                else
                {
                    Assert.StartsWith("line ", error, StringComparison.Ordinal);
                    refused++;
                }
            }
        });

        Assert.True(maxBuffered <= reader.MaxLineBytes + 1, $"buffered {maxBuffered}");
        Assert.True(parsed > 0 && refused > 0, $"parsed {parsed}, refused {refused}");
        output.WriteLine(FuzzRun.Figures("pos-events", result) + $" events-parsed={parsed} lines-refused={refused}");
    }
}
