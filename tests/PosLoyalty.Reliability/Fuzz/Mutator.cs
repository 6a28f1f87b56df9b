namespace PosLoyalty.Reliability.Fuzz;

/// <summary>
/// Seeded mutation of a corpus: bit flips, interesting bytes, inserted noise, deleted and duplicated ranges,
/// splices of two seeds, truncation, and now and then pure random bytes. Deterministic for a seed.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> corpus, int seed, ReadOnlyMemory<byte> interesting, int maxRounds = 8)
{
    private readonly Random random = new(seed);

    public Random Random => random;

    public byte[] Next(int maxLength)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(1, maxLength)];
            random.NextBytes(noise);
            return noise;
        }

        var data = new List<byte>(corpus[random.Next(corpus.Count)]);
        var rounds = 1 + random.Next(maxRounds);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = interesting.Span[random.Next(interesting.Length)];
                    break;
                case 2:
                    var noise = new byte[random.Next(1, 64)];
                    random.NextBytes(noise);
                    data.InsertRange(at, noise);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 128)));
                    break;
                case 4 when data.Count > 0:
                    var length = Math.Min(data.Count - at, random.Next(1, 256));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5:
                    var other = corpus[random.Next(corpus.Count)];
                    var from = other.Length == 0 ? 0 : random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, random.Next(1, 512))).ToArray());
                    break;
                case 6 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.Insert(at, interesting.Span[random.Next(interesting.Length)]);
                    break;
            }
        }

        return data.Count > maxLength ? data.GetRange(0, maxLength).ToArray() : [.. data];
    }
}
