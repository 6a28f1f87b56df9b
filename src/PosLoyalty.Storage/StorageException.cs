namespace PosLoyalty.Storage;

/// <summary>The database cannot do what was asked; the message says what and what to do.</summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
