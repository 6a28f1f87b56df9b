namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>inotify(7) event bits (include/uapi/linux/inotify.h).</summary>
[Flags]
internal enum InotifyMask : uint
{
    IN_MOVED_FROM = 0x040,
    IN_MOVED_TO = 0x080,
    IN_DELETE = 0x200,
    IN_DELETE_SELF = 0x400,
    IN_MOVE_SELF = 0x800,
}
