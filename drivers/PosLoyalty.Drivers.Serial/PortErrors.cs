using System.Runtime.InteropServices;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Drivers.Serial;

/// <summary>Builds the exceptions the driver throws, with the path, the call and strerror(3) text.</summary>
internal static class PortErrors
{
    /// <summary>The exception for a failed call; errno values that mean "the device is gone" give a disconnect.</summary>
    public static SerialPortException FromErrno(string path, string operation, int errno)
    {
        var message = $"{operation} {path}: {Describe(errno)}";
        return IsDisconnect(errno)
            ? new SerialPortDisconnectedException(message, path, errno)
            : new SerialPortException(message, path, errno);
    }

    /// <summary>The exception for the errno of the P/Invoke that just failed.</summary>
    public static SerialPortException FromLastError(string path, string operation) =>
        FromErrno(path, operation, Marshal.GetLastPInvokeError());

    public static SerialPortDisconnectedException Disconnected(string path, string reason) =>
        new($"{path}: device disconnected ({reason})", path, errorNumber: 0);

    /// <summary>
    /// EIO: a pty whose master closed, or a USB-serial adapter pulled out mid-call. ENXIO and ENODEV:
    /// the driver behind the node is gone (open(2) of a node whose device was removed).
    /// </summary>
    public static bool IsDisconnect(int errno) =>
        (Errno)errno is Errno.EIO or Errno.ENXIO or Errno.ENODEV;

    /// <summary>"No such file or directory (ENOENT, errno 2)".</summary>
    private static string Describe(int errno)
    {
        var name = Enum.IsDefined((Errno)errno) ? $"{(Errno)errno}, " : string.Empty;
        return $"{Marshal.GetPInvokeErrorMessage(errno)} ({name}errno {errno})";
    }
}
