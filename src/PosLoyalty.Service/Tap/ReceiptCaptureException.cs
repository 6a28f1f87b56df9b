namespace PosLoyalty.Service.Tap;

/// <summary>A capture had to stop (it fell too far behind the tap, or one receipt was too large to hold); what it sent stands.</summary>
public sealed class ReceiptCaptureException : Exception
{
    public ReceiptCaptureException()
    {
    }

    public ReceiptCaptureException(string message)
        : base(message)
    {
    }

    public ReceiptCaptureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
