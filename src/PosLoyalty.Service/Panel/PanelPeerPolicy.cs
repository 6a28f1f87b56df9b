namespace PosLoyalty.Service.Panel;

/// <summary>
/// Who may attach a panel (issue #6 item 8): root, the user the service runs as, or a member of the socket's
/// group. The socket's 0660 mode already says so to the kernel; this check also holds where the directory or
/// the mode was loosened by hand.
/// </summary>
public sealed record PanelPeerPolicy(uint ServiceUserId, uint SocketGroupId)
{
    public bool Allows(PanelPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.UserId == 0 || peer.UserId == ServiceUserId || peer.IsInGroup(SocketGroupId);
    }
}
