namespace PosLoyalty.Drivers.EscPos;

/// <summary>The printer could not be reached or the link to it broke; the message names the device.</summary>
public sealed class PrinterConnectionException : IOException
{
    /// <summary>An empty error.</summary>
    public PrinterConnectionException()
    {
    }

    /// <summary>An error with a message.</summary>
    public PrinterConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message and its cause.</summary>
    public PrinterConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
