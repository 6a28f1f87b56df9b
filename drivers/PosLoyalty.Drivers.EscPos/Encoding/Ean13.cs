namespace PosLoyalty.Drivers.EscPos;

/// <summary>EAN-13 check digit (GS1 General Specifications, "Check digit calculation").</summary>
public static class Ean13
{
    /// <summary>The check digit of the first 12 digits of an EAN-13.</summary>
    /// <exception cref="ArgumentException">Not exactly 12 ASCII digits.</exception>
    public static int ComputeCheckDigit(string first12Digits)
    {
        ArgumentNullException.ThrowIfNull(first12Digits);
        if (first12Digits.Length != 12 || !first12Digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"An EAN-13 check digit needs exactly 12 digits, got \"{first12Digits}\".", nameof(first12Digits));
        }

        // Weights 1, 3, 1, 3 … from the left for the 12 data digits.
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var digit = first12Digits[i] - '0';
            sum += (i % 2 == 0) ? digit : 3 * digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// The full 13 digits: 12 digits get their check digit appended; 13 digits are returned
    /// when their check digit is right.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length, a non-digit, or a wrong check digit.</exception>
    public static string Complete(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (!digits.All(char.IsAsciiDigit) || (digits.Length != 12 && digits.Length != 13))
        {
            throw new ArgumentException($"An EAN-13 needs 12 or 13 digits, got \"{digits}\".", nameof(digits));
        }

        var check = ComputeCheckDigit(digits[..12]);
        if (digits.Length == 13 && digits[12] - '0' != check)
        {
            throw new ArgumentException($"EAN-13 \"{digits}\" has check digit {digits[12]}, expected {check}.", nameof(digits));
        }

        return string.Concat(digits.AsSpan(0, 12), ((char)('0' + check)).ToString());
    }
}
