namespace PosLoyalty.Domain.Receipts;

/// <summary>A receipt profile is wrong; the message names the profile, the key and what is allowed.</summary>
public sealed class ReceiptProfileException : Exception
{
    public ReceiptProfileException()
    {
    }

    public ReceiptProfileException(string message)
        : base(message)
    {
    }

    public ReceiptProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
