using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PosLoyalty.Drivers.Scanner.Tests;

/// <summary>
/// Seeded fuzzing: random bytes and mutated valid input (bit flips, insertions, deletions, duplicated runs)
/// through the framer and the evdev decoder. Nothing may throw, everything finishes, and buffers stay bounded.
/// </summary>
public sealed class FuzzTests
{
    private const int BytesPerKind = 1_000_000;
    private const int Seed = 20_250_314;

    [Fact(Timeout = 120_000)]
    public async Task Framer_survives_a_million_random_and_a_million_mutated_bytes_with_bounded_memory()
    {
        await Task.Yield();
        var random = new Random(Seed);
        var clock = new FakeTimeProvider();
        var framer = new ScanFramer(new ScanFramerOptions { MaxFrameLength = 48, Prefix = "#", Suffix = "!" }, clock);
        var scans = new List<Scan>();
        foreach (var input in new[] { RandomBytes(random, BytesPerKind), Mutate(random, ValidFrames(random, BytesPerKind)) })
        {
            var offset = 0;
            while (offset < input.Length)
            {
                var n = Math.Min(random.Next(1, 80), input.Length - offset);
                clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 8) == 0 ? random.Next(0, 1_000) : random.Next(0, 5)));
                framer.Feed(input.AsSpan(offset, n), scans);
                offset += n;

                Assert.InRange(framer.BufferedByteCount, 0, framer.MaxFrameLength);
            }

            if (scans.Count > 100_000)
            {
                scans.RemoveRange(0, scans.Count - 1_000);
            }
        }

        Assert.All(scans, s => Assert.InRange(s.Code.Length, 1, framer.MaxFrameLength));
        Assert.True(framer.OversizeFramesDropped > 0, "the fuzz input never overflowed a frame");
        Assert.True(framer.IncompleteFramesDropped > 0, "the fuzz input never left a stale or restarted frame");
        Assert.True(framer.DuplicateScansDropped > 0, "the fuzz input never produced a repeat");
        Assert.NotEmpty(scans);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(24)]
    [InlineData(16)]
    public async Task Evdev_decoder_survives_a_million_random_and_a_million_mutated_bytes(int eventSize)
    {
        await Task.Yield();
        var random = new Random(Seed + eventSize);
        var clock = new FakeTimeProvider();
        var decoder = new InputEventDecoder(eventSize);
        var framer = new ScanFramer(new ScanFramerOptions { MaxFrameLength = 64 }, clock);
        var scans = new List<Scan>();
        var typed = new byte[4096];
        var typedTotal = 0L;

        foreach (var input in new[] { RandomBytes(random, BytesPerKind), Mutate(random, ValidRecording(random, eventSize, BytesPerKind)) })
        {
            var offset = 0;
            while (offset < input.Length)
            {
                var n = Math.Min(random.Next(1, 3 * eventSize), input.Length - offset);
                clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 3)));
                var count = decoder.Decode(input.AsSpan(offset, n), typed);
                framer.Feed(typed.AsSpan(0, count), scans);
                typedTotal += count;
                offset += n;

                Assert.InRange(decoder.BufferedByteCount, 0, eventSize - 1);
                Assert.InRange(framer.BufferedByteCount, 0, framer.MaxFrameLength);
            }

            if (scans.Count > 100_000)
            {
                scans.RemoveRange(0, scans.Count - 1_000);
            }
        }

        Assert.True(typedTotal > 0, "nothing decoded: the mutated recording should still type");
        Assert.NotEmpty(scans);
    }

    [Fact(Timeout = 120_000)]
    public async Task Evdev_scanner_on_mutated_stream_only_ever_ends_with_EndOfStreamException()
    {
        var random = new Random(Seed);
        var input = Mutate(random, ValidRecording(random, 24, 200_000));
        await using var scanner = new EvdevKeyboardScanner(new ChunkedStream(input, 999), true, timeProvider: new FakeTimeProvider(), inputEventSize: 24);
        var scans = 0;

        var end = await Record.ExceptionAsync(async () =>
        {
            while (true)
            {
                await scanner.ReadAsync();
                scans++;
            }
        });

        Assert.IsType<EndOfStreamException>(end);
        Assert.True(scans > 0);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] ValidFrames(Random random, int atLeast)
    {
        string[] aims = ["", "]C1", "]E0", "]Q3", "]d2", "]e0"];
        string[] terminators = ["\r", "\n", "\r\n", "\u0003"];
        var output = new List<byte>(atLeast + 128);
        while (output.Count < atLeast)
        {
            var stx = random.Next(3) == 0;
            if (stx)
            {
                output.Add(0x02);
            }

            if (random.Next(2) == 0)
            {
                output.Add((byte)'#');
            }

            output.AddRange(ScanFramerTests.Bytes(aims[random.Next(aims.Length)]));
            var length = random.Next(1, 60);
            for (var i = 0; i < length; i++)
            {
                output.Add(random.Next(20) == 0 ? (byte)0x1D : (byte)random.Next('0', '9' + 1));
            }

            output.AddRange(ScanFramerTests.Bytes(stx ? "\u0003" : terminators[random.Next(terminators.Length)]));
        }

        return [.. output];
    }

    private static byte[] ValidRecording(Random random, int eventSize, int atLeast)
    {
        var recording = new InputEventRecording(eventSize);
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./]";
        while (recording.Length < atLeast)
        {
            var length = random.Next(1, 40);
            var code = new char[length];
            for (var i = 0; i < length; i++)
            {
                code[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            recording.Type(new string(code));
            switch (random.Next(4))
            {
                case 0: recording.Tap(InputEventRecording.KeyTab); break;
                case 1: recording.Tap(InputEventRecording.KeyKpEnter); break;
                case 2: recording.Tap(InputEventRecording.KeyCapsLock).Enter(); break;
                default: recording.Enter(); break;
            }
        }

        return recording.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var output = new List<byte>(valid.Length + (valid.Length / 50));
        for (var i = 0; i < valid.Length; i++)
        {
            switch (random.Next(400))
            {
                case 0: // bit flip
                    output.Add((byte)(valid[i] ^ (1 << random.Next(8))));
                    break;
                case 1: // insertion
                    output.Add((byte)random.Next(256));
                    output.Add(valid[i]);
                    break;
                case 2: // deletion
                    break;
                case 3: // duplicated run
                    var run = Math.Min(random.Next(1, 200), valid.Length - i);
                    output.AddRange(valid.AsSpan(i, run));
                    output.Add(valid[i]);
                    break;
                default:
                    output.Add(valid[i]);
                    break;
            }
        }

        return [.. output];
    }
}
