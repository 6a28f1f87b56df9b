namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// The device went away: hang-up (POLLHUP), POLLERR, EIO, ENXIO or ENODEV from the kernel, end of file,
/// or the device node vanished. The port is dead; dispose it and open the path again once it is back.
/// </summary>
public sealed class SerialPortDisconnectedException : SerialPortException
{
    public SerialPortDisconnectedException()
    {
    }

    public SerialPortDisconnectedException(string message)
        : base(message)
    {
    }

    public SerialPortDisconnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SerialPortDisconnectedException(string message, string devicePath, int errorNumber)
        : base(message, devicePath, errorNumber)
    {
    }
}
