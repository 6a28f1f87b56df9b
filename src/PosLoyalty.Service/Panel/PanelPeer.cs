using System.Buffers.Binary;
using System.Net.Sockets;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// Who is at the other end of an accepted panel connection, as the kernel says (SO_PEERCRED, socket(7)),
/// with the supplementary groups (SO_PEERGROUPS, Linux 4.13+) when the kernel gives them.
/// </summary>
public sealed record PanelPeer(int ProcessId, uint UserId, uint GroupId, IReadOnlyList<uint> Groups)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int SoPeerGroups = 59;
    private const int MaxGroups = 256;

    public bool IsInGroup(uint gid) => GroupId == gid || Groups.Contains(gid);

    /// <summary>Reads the credentials the kernel recorded when the peer connected.</summary>
    public static PanelPeer Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }: three 32-bit values on every Linux architecture.
        Span<byte> credentials = stackalloc byte[12];
        if (socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) != credentials.Length)
        {
            throw new IOException("SO_PEERCRED returned a short struct ucred");
        }

        var pid = BinaryPrimitives.ReadInt32LittleEndian(credentials);
        var uid = BinaryPrimitives.ReadUInt32LittleEndian(credentials[4..]);
        var gid = BinaryPrimitives.ReadUInt32LittleEndian(credentials[8..]);
        if (!BitConverter.IsLittleEndian)
        {
            pid = BinaryPrimitives.ReverseEndianness(pid);
            uid = BinaryPrimitives.ReverseEndianness(uid);
            gid = BinaryPrimitives.ReverseEndianness(gid);
        }

        return new PanelPeer(pid, uid, gid, SupplementaryGroups(socket));
    }

    private static List<uint> SupplementaryGroups(Socket socket)
    {
        var buffer = new byte[MaxGroups * sizeof(uint)];
        try
        {
            var length = socket.GetRawSocketOption(SolSocket, SoPeerGroups, buffer);
            var groups = new List<uint>(length / sizeof(uint));
            for (var offset = 0; offset + sizeof(uint) <= length; offset += sizeof(uint))
            {
                groups.Add(BitConverter.ToUInt32(buffer, offset));
            }

            return groups;
        }
        catch (SocketException)
        {
            // An older kernel (or more than 256 groups): the primary group still counts.
            return [];
        }
    }
}
