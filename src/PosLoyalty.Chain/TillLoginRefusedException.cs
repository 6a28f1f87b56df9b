namespace PosLoyalty.Chain;

/// <summary>`chain add-till` will not do what was asked (a name already taken, a role that may not be a till's): nothing was changed.</summary>
public sealed class TillLoginRefusedException : Exception
{
    public TillLoginRefusedException(string message)
        : base(message)
    {
    }

    public TillLoginRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TillLoginRefusedException()
    {
    }
}
