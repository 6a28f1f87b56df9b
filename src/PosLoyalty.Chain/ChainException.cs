namespace PosLoyalty.Chain;

/// <summary>The chain's PostgreSQL could not be used: unreachable, refused the login, or holds what this till cannot accept. The message never holds the password.</summary>
public sealed class ChainException : Exception
{
    public ChainException(string message)
        : base(message)
    {
    }

    public ChainException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ChainException()
    {
    }
}
