namespace PosLoyalty.Domain.Rules;

/// <summary>The rules file is wrong; the message names the file, each key, its value and what is allowed.</summary>
public sealed class RulesValidationException : Exception
{
    public RulesValidationException()
    {
    }

    public RulesValidationException(string message)
        : base(message)
    {
    }

    public RulesValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
