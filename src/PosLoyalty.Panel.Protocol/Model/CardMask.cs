namespace PosLoyalty.Panel.Model;

/// <summary>
/// The only way a card number reaches the screen: dots and the last four characters, the form the
/// cashier can read back to the customer without the full number being on display.
/// </summary>
public static class CardMask
{
    public static string Mask(string? card)
    {
        var compact = new string((card ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());
        return compact.Length switch
        {
            0 => "••••",
            <= 4 => "•••• " + new string('•', compact.Length),
            _ => "•••• " + compact[^4..],
        };
    }

    /// <summary>For a card the service already cut to its last four.</summary>
    public static string FromLast4(string last4) => "•••• " + last4;
}
