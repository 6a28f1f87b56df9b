using PosLoyalty.Service.Interop;

namespace PosLoyalty.Service.Devices;

/// <summary>What statx(2) says about a device node: owner, group and st_mode (type and permission bits).</summary>
internal sealed record NodeInfo(uint OwnerId, uint GroupId, int Mode)
{
    public int Type => Mode & Libc.TypeMask;

    public string Permissions => Convert.ToString(Mode & 0xFFF, 8).PadLeft(4, '0');
}
