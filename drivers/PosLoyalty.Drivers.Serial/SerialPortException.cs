namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// A serial port operation failed. The message names the device path, the operation and the errno text.
/// </summary>
/// <remarks>Not sealed: <see cref="SerialPortDisconnectedException"/> is the case a supervisor handles apart.</remarks>
public class SerialPortException : IOException
{
    public SerialPortException()
    {
    }

    public SerialPortException(string message)
        : base(message)
    {
    }

    public SerialPortException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SerialPortException(string message, string devicePath, int errorNumber)
        : base(message)
    {
        DevicePath = devicePath;
        ErrorNumber = errorNumber;
    }

    /// <summary>The path the port was opened with (often a udev symlink such as /dev/pos/scanner).</summary>
    public string? DevicePath { get; }

    /// <summary>The errno of the failed call, or 0 when the failure was not a failed call (e.g. end of file).</summary>
    public int ErrorNumber { get; }
}
