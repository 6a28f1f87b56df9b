using System.Runtime.InteropServices;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// Waits in the kernel until a non-blocking descriptor is ready, and wakes for nothing else: one poll(2) with no
/// timeout over the descriptor, an eventfd(2) that cancellation and <see cref="Dispose"/> write to, and an inotify(7)
/// watch on the directories holding the device path (and its symlink's target), so a removed node ends the wait.
/// </summary>
/// <remarks>
/// <para>
/// An idle device costs no wake-up at all (docs/architecture.md, "How each device waits"). A timer that polls
/// with a zero timeout, as the drivers did before, costs ~60 wake-ups a second per idle port, and each wake-up sets
/// the thread pool spinning.
/// </para>
/// <para>
/// <see cref="WaitAsync"/> blocks in poll(2) on a thread of its own (TaskCreationOptions.LongRunning), never on a
/// thread-pool thread, and the thread ends with the wait; it is only started when the descriptor is not ready
/// already. One wait at a time per waiter: a stream keeps one waiter for reads and one for writes.
/// </para>
/// <para>
/// If inotify is not available (the watch limit reached), the wait looks at the path every
/// <see cref="FallbackNodeCheckMilliseconds"/> instead.
/// </para>
/// </remarks>
public sealed class DescriptorWaiter : IDisposable
{
    /// <summary>How often a wait without inotify returns so that the caller can look at the device node.</summary>
    public const int FallbackNodeCheckMilliseconds = 500;

    private const InotifyMask NodeChanges = InotifyMask.IN_DELETE | InotifyMask.IN_MOVED_FROM | InotifyMask.IN_MOVED_TO
        | InotifyMask.IN_DELETE_SELF | InotifyMask.IN_MOVE_SELF;

    private readonly SafeFdHandle _wake;
    private readonly SafeFdHandle? _nodeWatch;
    private readonly bool _watchesPath;
    private readonly string? _devicePath;
    private readonly string? _target;
    private int _waiting;
    private volatile bool _disposed;

    /// <summary>
    /// A waiter; with <paramref name="devicePath"/>, a wait also ends (with <see cref="DescriptorEvents.None"/>) when
    /// the path is removed, or moved, or its symlink re-pointed (inotify on the directory holding the path and on its
    /// target's): the caller then looks at the node. Other entries of those directories coming and going (another
    /// pty in /dev/pts) do not end the wait.
    /// </summary>
    /// <exception cref="IOException">eventfd(2) failed (the process is out of descriptors).</exception>
    public DescriptorWaiter(string? devicePath)
    {
        _wake = SafeFdHandle.FromResult(LibC.EventFd(0, OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC));
        if (_wake.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            _wake.Dispose();
            throw new IOException($"eventfd: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
        }

        if (devicePath is not null)
        {
            _watchesPath = true;
            _devicePath = devicePath;
            _target = FinalTarget(devicePath);
            _nodeWatch = WatchDirectories(devicePath);
        }
    }

    /// <summary>
    /// Blocks the calling thread until <paramref name="descriptor"/> reports one of <paramref name="events"/> (or a
    /// hang-up, error or invalid descriptor, which poll(2) always reports), or the watched path changed (returns
    /// <see cref="DescriptorEvents.None"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The waiter was disposed, before or during the wait.</exception>
    public unsafe DescriptorEvents Wait(SafeHandle descriptor, DescriptorEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _waiting, 1) != 0)
        {
            throw new InvalidOperationException("Another wait is already in progress on this waiter.");
        }

        var added = false;
        try
        {
            descriptor.DangerousAddRef(ref added);
            using var wake = _wake.Lease();
            using var registration = cancellationToken.UnsafeRegister(static state => ((DescriptorWaiter)state!).Wake(), this);
            var watchAdded = false;
            try
            {
                _nodeWatch?.DangerousAddRef(ref watchAdded);
                var fds = stackalloc PollFd[3];
                fds[0] = new PollFd { Fd = (int)descriptor.DangerousGetHandle(), Events = (PollEvents)events };
                fds[1] = new PollFd { Fd = wake.Fd, Events = PollEvents.POLLIN };
                var count = 2;
                if (watchAdded)
                {
                    fds[2] = new PollFd { Fd = (int)_nodeWatch!.DangerousGetHandle(), Events = PollEvents.POLLIN };
                    count = 3;
                }

                var timeout = _watchesPath && _nodeWatch is null ? FallbackNodeCheckMilliseconds : -1;
                while (true)
                {
                    if (LibC.Poll(fds, (nuint)count, timeout) < 0)
                    {
                        var errno = Marshal.GetLastPInvokeError();
                        if ((Errno)errno == Errno.EINTR)
                        {
                            continue;
                        }

                        throw new IOException($"poll: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
                    }

                    if (fds[1].ReturnedEvents != PollEvents.None)
                    {
                        Drain(wake.Fd);
                        ObjectDisposedException.ThrowIf(_disposed, this);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (fds[0].ReturnedEvents != PollEvents.None)
                    {
                        return (DescriptorEvents)fds[0].ReturnedEvents;
                    }

                    if (count == 3 && fds[2].ReturnedEvents != PollEvents.None)
                    {
                        Drain(fds[2].Fd);
                        if (StillTheSameNode())
                        {
                            continue; // another entry of the directory came or went (another pty, another device)
                        }

                        return DescriptorEvents.None;
                    }

                    if (timeout >= 0)
                    {
                        return DescriptorEvents.None;
                    }
                }
            }
            finally
            {
                if (watchAdded)
                {
                    _nodeWatch!.DangerousRelease();
                }
            }
        }
        finally
        {
            if (added)
            {
                descriptor.DangerousRelease();
            }

            Volatile.Write(ref _waiting, 0);
        }
    }

    /// <summary>
    /// As <see cref="Wait"/>, without holding the caller's thread: completes at once when the descriptor is ready
    /// already; otherwise the wait blocks in poll(2) on a thread of its own that ends with it.
    /// </summary>
    public Task<DescriptorEvents> WaitAsync(SafeHandle descriptor, DescriptorEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DescriptorEvents>(cancellationToken);
        }

        var ready = PollNow(descriptor, events);
        if (ready != DescriptorEvents.None)
        {
            return Task.FromResult(ready);
        }

        return Task.Factory.StartNew(
            () => Wait(descriptor, events, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default);
    }

    /// <summary>Ends a wait in progress (it throws <see cref="ObjectDisposedException"/>) and closes the waiter's descriptors once it has.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Wake();

        // A wait in progress holds leases: the descriptors close when it returns, never under its poll(2).
        _wake.Dispose();
        _nodeWatch?.Dispose();
    }

    private static unsafe void Drain(int fd)
    {
        var buffer = stackalloc byte[4096];
        while (LibC.Read(fd, buffer, 4096) > 0)
        {
        }
    }

    private static unsafe DescriptorEvents PollNow(SafeHandle descriptor, DescriptorEvents events)
    {
        var added = false;
        try
        {
            descriptor.DangerousAddRef(ref added);
            var fd = new PollFd { Fd = (int)descriptor.DangerousGetHandle(), Events = (PollEvents)events };
            return LibC.Poll(&fd, 1, 0) > 0 ? (DescriptorEvents)fd.ReturnedEvents : DescriptorEvents.None;
        }
        finally
        {
            if (added)
            {
                descriptor.DangerousRelease();
            }
        }
    }

    /// <summary>True when the watched path still exists and still leads to the node it led to when the waiter was made.</summary>
    private bool StillTheSameNode() =>
        _devicePath is not null && File.Exists(_devicePath) && string.Equals(FinalTarget(_devicePath), _target, StringComparison.Ordinal);

    private static string? FinalTarget(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The directory of the path and, for a symlink (udev's SYMLINK+=), of its final target; null without inotify.</summary>
    private static SafeFdHandle? WatchDirectories(string devicePath)
    {
        var watch = SafeFdHandle.FromResult(LibC.InotifyInit(OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC));
        if (watch.IsInvalid)
        {
            watch.Dispose();
            return null;
        }

        var directories = new HashSet<string>(StringComparer.Ordinal) { Directory(devicePath) };
        try
        {
            if (File.ResolveLinkTarget(devicePath, returnFinalTarget: true) is { } target)
            {
                directories.Add(Directory(target.FullName));
            }
        }
        catch (IOException)
        {
            // Not resolvable now: the link's own directory is still watched.
        }

        using var lease = watch.Lease();
        foreach (var directory in directories)
        {
            if (LibC.InotifyAddWatch(lease.Fd, directory, NodeChanges) < 0)
            {
                watch.Dispose();
                return null;
            }
        }

        return watch;
    }

    private static string Directory(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";

    private unsafe void Wake()
    {
        try
        {
            using var wake = _wake.Lease();
            ulong one = 1;
            _ = LibC.Write(wake.Fd, (byte*)&one, sizeof(ulong));
        }
        catch (ObjectDisposedException)
        {
            // Closed already: no wait can be in progress.
        }
    }
}
