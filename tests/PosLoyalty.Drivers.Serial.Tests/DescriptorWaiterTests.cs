using System.IO.Pipes;
using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>The kernel wait every device shares: it ends for the descriptor, a cancellation, Dispose or a removed node.</summary>
public sealed class DescriptorWaiterTests
{
    // Only catches a hang: on a loaded machine a pty round trip may take seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pending_wait_ends_readable_when_bytes_arrive()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var handle = reader.SafePipeHandle;
        using var waiter = new DescriptorWaiter(devicePath: null);

        var wait = waiter.WaitAsync(handle, DescriptorEvents.Readable, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(wait.IsCompleted, "nothing was written yet");
        pipe.Write("x"u8);

        var events = await wait.WaitAsync(Timeout);
        Assert.True(events.HasFlag(DescriptorEvents.Readable), events.ToString());
    }

    [Fact]
    public async Task Cancelling_a_pending_wait_ends_it_with_OperationCanceledException()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var handle = reader.SafePipeHandle;
        using var waiter = new DescriptorWaiter(devicePath: null);
        using var cancellation = new CancellationTokenSource();

        var wait = waiter.WaitAsync(handle, DescriptorEvents.Readable, cancellation.Token);
        await Task.Delay(100);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Timeout));

        // The waiter is usable again after a cancelled wait, and a stale wake-up does not end the next one early.
        var next = waiter.WaitAsync(handle, DescriptorEvents.Readable, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(next.IsCompleted, "the cancelled wait's wake-up was consumed");
        pipe.Write("y"u8);
        Assert.True((await next.WaitAsync(Timeout)).HasFlag(DescriptorEvents.Readable));
    }

    [Fact]
    public async Task Disposing_the_waiter_ends_a_pending_wait_with_ObjectDisposedException()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var handle = reader.SafePipeHandle;
        var waiter = new DescriptorWaiter(devicePath: null);

        var wait = waiter.WaitAsync(handle, DescriptorEvents.Readable, CancellationToken.None);
        await Task.Delay(100);
        waiter.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => wait.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Removing_the_watched_symlink_ends_the_wait_with_no_events()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        using var pty = PseudoTerminal.Open();
        var directory = Directory.CreateTempSubdirectory("posloyalty-waiter-");
        try
        {
            var link = Path.Combine(directory.FullName, "scanner");
            File.CreateSymbolicLink(link, pty.SlavePath);
            using var waiter = new DescriptorWaiter(link);

            var wait = waiter.WaitAsync(reader.SafePipeHandle, DescriptorEvents.Readable, CancellationToken.None);
            await Task.Delay(100);
            Assert.False(wait.IsCompleted, "nothing happened yet");
            File.Delete(link);

            Assert.Equal(DescriptorEvents.None, await wait.WaitAsync(Timeout));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Another_pty_coming_and_going_beside_the_device_does_not_end_the_wait()
    {
        // Regression: CI failed when other test processes opened and closed ptys in /dev/pts beside ours.
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        using var pty = PseudoTerminal.Open();
        using var waiter = new DescriptorWaiter(pty.SlavePath);

        var wait = waiter.WaitAsync(reader.SafePipeHandle, DescriptorEvents.Readable, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            using var other = PseudoTerminal.Open();
        }

        await Task.Delay(200);
        Assert.False(wait.IsCompleted, "another pty's node came and went; ours is still there");
        pipe.WriteByte(1);
        Assert.Equal(DescriptorEvents.Readable, await wait.WaitAsync(Timeout) & DescriptorEvents.Readable);
    }

    [Fact]
    public async Task Ready_descriptor_completes_the_wait_at_once_without_a_thread()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        using var waiter = new DescriptorWaiter(devicePath: null);

        var wait = waiter.WaitAsync(pipe.SafePipeHandle, DescriptorEvents.Writable, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully, "an empty pipe can take bytes: no wait needed");
        Assert.True((await wait).HasFlag(DescriptorEvents.Writable));
    }
}
