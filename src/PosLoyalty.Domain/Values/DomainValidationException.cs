namespace PosLoyalty.Domain.Values;

/// <summary>A value that does not fit the domain: the message names the value and what is allowed.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException()
    {
    }

    public DomainValidationException(string message)
        : base(message)
    {
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
