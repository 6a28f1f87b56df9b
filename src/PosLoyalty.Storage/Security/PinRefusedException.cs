namespace PosLoyalty.Storage.Security;

/// <summary>A manager action was refused: no PIN set, or the PIN given is wrong. The refusal is audited.</summary>
public sealed class PinRefusedException : Exception
{
    public PinRefusedException()
    {
    }

    public PinRefusedException(string message)
        : base(message)
    {
    }

    public PinRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
