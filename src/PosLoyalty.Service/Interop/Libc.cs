using System.Runtime.InteropServices;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.Serial.Interop;
using PosLoyalty.Service.Devices;

namespace PosLoyalty.Service.Interop;

/// <summary>
/// The libc calls this project makes and .NET does not offer, in one place. It declares only what no driver it builds
/// on declares (access(2), getgroups(2), geteuid(2), getegid(2) and adjtimex(2), for doctor; getgrnam(3) and chown(2) for the group of a listening Unix socket); the rest it reaches
/// through the driver that declares it, so no function is declared twice (docs/adr/0016): statx(2) for a node's type,
/// owner and group through the ESC/POS driver's <see cref="NativeFileType"/>, and open(2) with O_NONBLOCK (so neither
/// opening a FIFO nor reading an idle one holds a thread), read(2) and write(2) for a FIFO or USB printer gadget tap
/// through the serial driver's <see cref="LibC"/>. Classic DllImport for its own: arrays are pinned by the marshaller.
/// </summary>
internal static class Libc
{
    // asm-generic/fcntl.h, identical on x86-64, arm64 and armhf.
    public const int ReadOnly = 0x0;
    public const int ReadWrite = 0x2;
    public const int NoControllingTerminal = 0x100;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;

    // asm-generic/errno-base.h
    public const int Interrupted = 4;
    public const int WouldBlock = 11;

    // unistd.h access(2) modes
    public const int ReadOk = 4;
    public const int WriteOk = 2;

    // sys/stat.h file types
    public const int TypeMask = NativeFileType.TypeMask;
    public const int CharacterDevice = 0x2000;
    public const int Directory = 0x4000;
    public const int Fifo = 0x1000;
    public const int RegularFile = 0x8000;
    public const int Socket = 0xC000;

    // adjtimex(2): TIME_ERROR is returned while the kernel's STA_UNSYNC (or STA_CLOCKERR) is set.
    public const int TimeError = 5;

    // struct timex is 208 bytes on 64-bit and 128 on 32-bit; a zeroed buffer of 512 (modes = 0: read only) serves both.
    private const int TimexBufferSize = 512;

    /// <summary>Follows symlinks. Null with <paramref name="errno"/> when the node cannot be examined (ENOENT: missing).</summary>
    public static NodeInfo? Stat(string path, out int errno)
    {
        return NativeFileType.TryStat(path, out var owner, out var group, out var mode, out errno)
            ? new NodeInfo(owner, group, mode)
            : null;
    }

    /// <summary>access(2) with the real uid and gids: what this user may do, not what root's capabilities allow through.</summary>
    public static bool Can(string path, int mode) => Access(path, mode) == 0;

    /// <summary>The process's supplementary groups plus its effective group.</summary>
    public static IReadOnlySet<uint> Groups()
    {
        var count = GetGroups(0, null);
        var list = new uint[Math.Max(count, 0)];
        if (count > 0)
        {
            count = GetGroups(list.Length, list);
        }

        var set = new HashSet<uint>(list.Take(Math.Max(count, 0))) { GetEffectiveGroupId() };
        return set;
    }

    public static uint EffectiveUserId() => GetEffectiveUserId();

    public static uint EffectiveGroupId() => GetEffectiveGroupId();

    /// <summary>The gid of a group from getgrnam(3) (NSS included), or null when there is no such group.</summary>
    public static uint? GroupId(string name)
    {
        var entry = GetGroupByName(name);
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; } (grp.h)
        return unchecked((uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size));
    }

    /// <summary>chgrp: keeps the owner (uid -1 means "unchanged" to chown(2)); throws with errno when refused.</summary>
    public static void ChangeGroup(string path, uint gid)
    {
        if (ChangeOwner(path, uint.MaxValue, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"chgrp {gid} '{path}' failed: {Describe(errno)}");
        }
    }

    /// <summary>adjtimex(2) with modes 0 (changes nothing): the clock state, or -1 with errno.</summary>
    public static int ClockState()
    {
        var buffer = new byte[TimexBufferSize];
        return AdjustTime(buffer);
    }

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", EntryPoint = "getgroups", SetLastError = true)]
    private static extern int GetGroups(int size, [Out] uint[]? list);

    [DllImport("libc", EntryPoint = "getegid")]
    private static extern uint GetEffectiveGroupId();

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "getgrnam", SetLastError = true)]
    private static extern IntPtr GetGroupByName([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int ChangeOwner([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static extern int AdjustTime([In, Out] byte[] timex);

    /// <summary>Whether the path is a FIFO, a regular file, or something else (statx(2); .NET has no API for the file type).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist or cannot be examined.</exception>
    public static (bool IsFifo, bool IsRegularFile) GetFileType(string path)
    {
        var node = Stat(path, out var errno)
            ?? throw new FileNotFoundException($"Cannot examine \"{path}\": {Describe(errno)}", path);
        return (node.Type == Fifo, node.Type == RegularFile);
    }

    /// <summary>open(2); -1 with errno on failure.</summary>
    public static int Open(string path, int flags) => LibC.Open(path, (OpenFlags)flags);

    /// <summary>read(2) into the <paramref name="count"/> bytes from <paramref name="buffer"/> on; -1 with errno.</summary>
    public static unsafe nint Read(int fd, ref byte buffer, nuint count)
    {
        fixed (byte* start = &buffer)
        {
            return LibC.Read(fd, start, count);
        }
    }

    /// <summary>write(2) of the <paramref name="count"/> bytes from <paramref name="buffer"/> on; -1 with errno.</summary>
    public static unsafe nint Write(int fd, ref byte buffer, nuint count)
    {
        fixed (byte* start = &buffer)
        {
            return LibC.Write(fd, start, count);
        }
    }
}
