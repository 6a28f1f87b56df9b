using System.Runtime.CompilerServices;

namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The fixed-length arguments of the command being read, gathered across chunk boundaries. Some commands
/// learn from their first arguments that more follow (GS V m n, GS C, ESC GS y D …): <see cref="Need"/>
/// raises the count and the gathering carries on.
/// </summary>
internal sealed class CommandArguments
{
    private readonly byte[] _bytes = new byte[8];
    private int _needed;

    /// <summary>How many arguments have been read.</summary>
    public int Count { get; private set; }

    /// <summary>The arguments read so far.</summary>
    public ReadOnlySpan<byte> Read => _bytes.AsSpan(0, Count);

    public bool IsComplete => Count == _needed;

    /// <summary>A new command that takes <paramref name="needed"/> argument bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(int needed)
    {
        Count = 0;
        _needed = needed;
    }

    /// <summary>The command takes <paramref name="total"/> argument bytes in all, counting those read.</summary>
    public void Need(int total) => _needed = total;

    /// <summary>Reads what is still needed from <paramref name="bytes"/>.</summary>
    /// <returns>How many bytes were read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Take(ReadOnlySpan<byte> bytes)
    {
        int take = Math.Min(_needed - Count, bytes.Length);
        bytes[..take].CopyTo(_bytes.AsSpan(Count));
        Count += take;
        return take;
    }
}
