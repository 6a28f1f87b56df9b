using System.Net.Mail;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Customers;

/// <summary>Checks for the free-text fields a person types at enrolment; messages name the field.</summary>
public static class CustomerFields
{
    public static string Name(string? text) => Text("name", text, Customer.MaxNameLength, required: true)!;

    public static string? Greeting(string? text) => Text("greeting", text, Customer.MaxNameLength, required: false);

    public static string NoteText(string? text) => Text("note", text, CustomerNote.MaxLength, required: true)!;

    public static string? Phone(string? text)
    {
        var t = Text("phone", text, 32, required: false);
        if (t is null)
        {
            return null;
        }

        var digits = t.Count(char.IsAsciiDigit);
        if (digits < 5 || t.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/')))
        {
            throw new DomainValidationException($"phone '{t}' is not a phone number: digits, spaces and + - ( ) . / only, at least 5 digits");
        }

        return t;
    }

    public static string? Email(string? text)
    {
        var t = Text("email", text, 254, required: false);
        if (t is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(t, out var address) || address.Address != t || !t.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainValidationException($"email '{t}' is not an email address (name@example.com)");
        }

        return t;
    }

    private static string? Text(string field, string? text, int maxLength, bool required)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return required ? throw new DomainValidationException($"{field} is required and was empty") : null;
        }

        if (t.Length > maxLength)
        {
            throw new DomainValidationException($"{field} is {t.Length} characters long: at most {maxLength} are allowed");
        }

        if (t.Any(char.IsControl))
        {
            throw new DomainValidationException($"{field} contains a control character: plain text only");
        }

        return t;
    }
}
