using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class SpillingByteQueueTests
{
    [Fact]
    public void Below_the_memory_limit_nothing_is_spooled()
    {
        using var directory = new TempDirectory();
        using var queue = new SpillingByteQueue(directory.Path, memoryLimitBytes: 100);

        queue.Enqueue([1, 2, 3]);
        queue.Enqueue(new byte[97]);

        Assert.Equal(2, queue.Count);
        Assert.Equal(0, queue.SpooledBytes);
        Assert.Null(queue.SpoolPath);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Beyond_the_memory_limit_chunks_go_to_a_spool_file_and_come_back_in_order()
    {
        using var directory = new TempDirectory();
        string? spoolPath;
        using (var queue = new SpillingByteQueue(directory.Path, memoryLimitBytes: 10))
        {
            queue.Enqueue([1, 2, 3, 4, 5, 6]);
            queue.Enqueue([7, 8, 9, 10, 11]);    // would exceed 10: spooled
            queue.Enqueue([12]);                  // fits in memory, but must follow the spooled chunk: spooled

            Assert.Equal(6, queue.SpooledBytes);
            spoolPath = queue.SpoolPath;
            Assert.NotNull(spoolPath);
            Assert.True(File.Exists(spoolPath));

            Assert.Equal([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11], [12]], Drain(queue));
            Assert.Equal(0, queue.QueuedBytes);

            queue.Enqueue([13]);
            Assert.Equal(0, queue.SpooledBytes);   // spool read empty: memory again
            Assert.Equal([[13]], Drain(queue));
        }

        Assert.False(File.Exists(spoolPath), "the spool file is deleted on Dispose");
    }

    [Fact]
    public void Peek_does_not_remove_and_an_empty_queue_says_so()
    {
        using var directory = new TempDirectory();
        using var queue = new SpillingByteQueue(directory.Path, memoryLimitBytes: 0);

        Assert.False(queue.TryPeek(out _));
        Assert.False(queue.TryDequeue());
        queue.Enqueue([42]);
        Assert.True(queue.TryPeek(out var first));
        Assert.True(queue.TryPeek(out var second));

        Assert.Equal([42], first.ToArray());
        Assert.Equal([42], second.ToArray());
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Random_enqueues_and_dequeues_match_a_plain_queue()
    {
        // Property: for any interleaving of enqueues (any sizes, memory limit anywhere) and dequeues, the queue
        // returns exactly the chunks a plain Queue would, in the same order, and counts the same bytes.
        using var directory = new TempDirectory();
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            long limit = random.Next(0, 3000);
            using var queue = new SpillingByteQueue(directory.Path, limit);
            var reference = new Queue<byte[]>();
            for (int step = 0; step < 300; step++)
            {
                if (random.Next(3) != 0)
                {
                    byte[] chunk = new byte[random.Next(1, random.Next(2) == 0 ? 16 : 900)];
                    random.NextBytes(chunk);
                    queue.Enqueue(chunk);
                    reference.Enqueue(chunk);
                }
                else
                {
                    Assert.Equal(reference.Count > 0, queue.TryPeek(out var head));
                    if (reference.Count > 0)
                    {
                        Assert.Equal(reference.Dequeue(), head.ToArray());
                        Assert.True(queue.TryDequeue());
                    }
                }

                Assert.Equal(reference.Count, queue.Count);
                Assert.Equal(reference.Sum(c => (long)c.Length), queue.QueuedBytes);
                Assert.True(queue.QueuedBytes - queue.SpooledBytes <= limit, $"seed {seed}: memory over the limit");
            }

            Assert.Equal(reference.ToArray(), Drain(queue));
        }
    }

    private static byte[][] Drain(SpillingByteQueue queue)
    {
        var chunks = new List<byte[]>();
        while (queue.TryPeek(out var chunk))
        {
            chunks.Add(chunk.ToArray());
            Assert.True(queue.TryDequeue());
        }

        return [.. chunks];
    }
}
