using System.Text;
using PosLoyalty.Service.PosEvents;

namespace PosLoyalty.Service.Tests.PosEvents;

public sealed class PosEventLineReaderTests
{
    private const string Sale = """{"type":"sale","receiptNumber":"R-1","total":12.50,"items":[{"description":"Latte","quantity":1,"amount":12.50}]}""";

    [Fact]
    public void Lines_end_at_lf_or_crlf_and_may_arrive_in_pieces()
    {
        var reader = new PosEventLineReader();
        var lines = new List<PosEventLine>();
        var bytes = Encoding.UTF8.GetBytes("first\r\nsecond\nthird");

        foreach (var b in bytes)
        {
            reader.Push([b], lines);
        }

        reader.Complete(lines);

        Assert.Equal([new PosEventLine(1, "first", null), new PosEventLine(2, "second", null), new PosEventLine(3, "third", null)], lines);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_so_replies_match_the_pos_numbering()
    {
        var lines = Read("\n  \r\nnext\n");

        Assert.Equal([new PosEventLine(3, "next", null)], lines);
    }

    [Fact]
    public void Overlong_line_is_discarded_to_its_newline_with_one_error_and_the_next_line_is_read()
    {
        var reader = new PosEventLineReader(maxLineBytes: 1024);
        var lines = new List<PosEventLine>();
        var chunk = Encoding.ASCII.GetBytes(new string('x', 700));

        for (var i = 0; i < 100; i++)
        {
            reader.Push(chunk, lines);
            Assert.True(reader.BufferedBytes <= 1025);
        }

        reader.Push(Encoding.UTF8.GetBytes("\n" + Sale + "\n"), lines);

        Assert.Equal(2, lines.Count);
        Assert.Equal(new PosEventLine(1, null, "line 1: longer than 1024 bytes; discarded"), lines[0]);
        Assert.Equal(new PosEventLine(2, Sale, null), lines[1]);
    }

    [Fact]
    public void Line_of_exactly_the_cap_is_kept()
    {
        var text = new string('y', 64);
        var reader = new PosEventLineReader(maxLineBytes: 64);
        var lines = new List<PosEventLine>();

        reader.Push(Encoding.ASCII.GetBytes(text + "\r\n"), lines);

        reader.Push(Encoding.ASCII.GetBytes(text + "z\n"), lines);

        Assert.Equal([new PosEventLine(1, text, null), new PosEventLine(2, null, "line 2: longer than 64 bytes; discarded")], lines);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_line_and_not_decoded()
    {
        var lines = new List<PosEventLine>();
        var reader = new PosEventLineReader();

        reader.Push([0xC3, 0x28, 0xFF, 0x0A, .. Encoding.UTF8.GetBytes("ok\n")], lines);

        Assert.Equal([new PosEventLine(1, null, "line 1: not UTF-8 text"), new PosEventLine(2, "ok", null)], lines);
    }

    [Fact]
    public void Byte_order_mark_before_the_first_line_is_dropped()
    {
        var lines = Read("\uFEFF" + Sale + "\n");

        Assert.Equal(Sale, Assert.Single(lines).Text);
    }

    [Fact]
    public void Utf8_split_across_reads_is_joined()
    {
        var reader = new PosEventLineReader();
        var lines = new List<PosEventLine>();
        var bytes = Encoding.UTF8.GetBytes("""{"d":"Café"}""" + "\n");
        var split = Array.IndexOf(bytes, (byte)0xC3) + 1;

        reader.Push(bytes.AsSpan(0, split), lines);
        reader.Push(bytes.AsSpan(split), lines);

        Assert.Equal("""{"d":"Café"}""", Assert.Single(lines).Text);
    }

    [Fact]
    public void A_million_random_and_mutated_bytes_never_throw_and_memory_stays_bounded()
    {
        // Mutations of real lines (flipped, dropped, doubled bytes), random binary runs, overlong runs and
        // partial lines, pushed in random-sized reads, through the line reader and the JSON reader.
        var random = new Random(20250602);
        var seeds = new[]
        {
            Sale,
            """{"type":"refund","receiptNumber":"R-1"}""",
            """{"type":"sale","till":"till-2","receiptNumber":"R-9","total":1000000,"currency":"USD","at":"2025-06-02T14:03:00+02:00","items":[{"sku":"A","description":"Café crème","quantity":0.5,"amount":-1.25}]}""",
        };
        const int MaxLine = 4096;
        var reader = new PosEventLineReader(MaxLine);
        var lines = new List<PosEventLine>();
        long fed = 0, newlines = 0, parsed = 0, rejected = 0;

        while (fed < 1_200_000)
        {
            var bytes = Mutate(random, seeds, MaxLine);
            var offset = 0;
            while (offset < bytes.Length)
            {
                var size = Math.Min(bytes.Length - offset, random.Next(1, 2048));
                var chunk = bytes.AsSpan(offset, size);
                newlines += chunk.Count((byte)'\n');
                reader.Push(chunk, lines);
                offset += size;
                Assert.InRange(reader.BufferedBytes, 0, MaxLine + 1); // memory: never more than one line (and its CR)
            }

            fed += bytes.Length;
            foreach (var line in lines)
            {
                Assert.True(line.Text is null != line.Error is null, "a line is either text or an error");
                if (line.Text is { } text && PosEventReader.TryParse(text, line.Number, out _, out _))
                {
                    parsed++;
                }
                else
                {
                    rejected++;
                }
            }

            lines.Clear();
        }

        reader.Complete(lines);

        Assert.True(reader.LinesRead >= newlines, "every newline ends a line");
        Assert.True(parsed > 0, "some mutations leave a valid event");
        Assert.True(rejected > 0, "most mutations are refused");
    }

    private static byte[] Mutate(Random random, string[] seeds, int maxLine)
    {
        var seed = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]);
        var bytes = new List<byte>(seed);
        switch (random.Next(6))
        {
            case 0: // intact
                break;
            case 1: // flipped bytes
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                }

                break;
            case 2: // dropped and doubled runs
                var start = random.Next(bytes.Count);
                var length = random.Next(1, Math.Min(16, bytes.Count - start) + 1);
                var run = bytes.GetRange(start, length);
                if (random.Next(2) == 0)
                {
                    bytes.RemoveRange(start, length);
                }
                else
                {
                    bytes.InsertRange(start, run);
                }

                break;
            case 3: // random binary, newlines and NULs included
                var garbage = new byte[random.Next(1, 512)];
                random.NextBytes(garbage);
                return garbage;
            case 4: // a line far over the cap
                var huge = new byte[maxLine + random.Next(1, 3 * maxLine)];
                Array.Fill(huge, (byte)'{');
                return [.. huge, (byte)'\n'];
            default: // truncated: the next line continues it
                var cut = random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
                return [.. bytes];
        }

        return [.. bytes, .. (random.Next(4) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray())];
    }

    private static List<PosEventLine> Read(string text)
    {
        var reader = new PosEventLineReader();
        var lines = new List<PosEventLine>();
        reader.Push(Encoding.UTF8.GetBytes(text), lines);
        reader.Complete(lines);
        return lines;
    }
}
