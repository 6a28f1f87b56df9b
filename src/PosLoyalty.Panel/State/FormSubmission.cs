using System.Collections.Immutable;
using System.Globalization;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Values;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>
/// Turns a filled form into a command, or into errors by field name. Only what the panel can know is checked here
/// (with the domain's own rules where it has them: names, birthdays); the service still validates everything.
/// </summary>
public static class FormSubmission
{
    /// <summary>The largest amount a cashier may key in for a manual sale.</summary>
    public const decimal MaximumAmount = 100_000m;

    public static FormCheck Submit(FormSpec form, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var errors = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var field in form.Fields)
        {
            if (field.Required && field.Kind != FieldKind.Toggle && values.Text(field.Name).Length == 0)
            {
                errors[field.Name] = $"{field.Label.ToLowerInvariant()} is required";
            }
            else if (values.Text(field.Name).Length > FieldSpec.MaxLength)
            {
                errors[field.Name] = string.Create(CultureInfo.InvariantCulture, $"{field.Label.ToLowerInvariant()} is at most {FieldSpec.MaxLength} characters");
            }
        }

        PanelCommand command = form.Kind switch
        {
            FormKind.Enrol => Enrol(form, values, errors),
            FormKind.Note => new AddNoteCommand(CustomerIdOf(form), values.Text(FieldNames.Text), values.IsTicked(FieldNames.Pinned)),
            FormKind.Find => new FindCommand(values.Text(FieldNames.Query)),
            FormKind.Redeem => new RedeemCommand(values.Text(FieldNames.Code).ToUpperInvariant()),
            FormKind.ManualSale => ManualSale(form, values, errors),
            FormKind.Complaint => new ComplaintCommand(CustomerIdOf(form), values.Text(FieldNames.Text), values.IsTicked(FieldNames.FollowUp)),
            FormKind.AdjustPoints => AdjustPoints(form, values, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form.Kind, "no such form"),
        };

        return errors.Count > 0 ? new FormCheck(errors.ToImmutable(), null) : new FormCheck(ImmutableDictionary<string, string>.Empty, command);
    }

    /// <summary>
    /// An amount as a cashier types it: "12.50" or "12,50" (tills here use both), at most two decimals. Thousands
    /// separators are refused: "1,250" would be ambiguous.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount, out string? error)
    {
        amount = 0;
        var t = (text ?? string.Empty).Trim();
        var separators = t.Count(c => c is '.' or ',');
        var digitsOnly = t.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
        var decimals = separators == 1 ? t.Length - t.IndexOfAny(['.', ',']) - 1 : 0;
        if (t.Length == 0 || !digitsOnly || separators > 1 || decimals is 0 && separators == 1 || decimals > 2
            || !decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = "amount must be a positive number like 12.50";
            return false;
        }

        if (amount <= 0 || amount > MaximumAmount)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"amount must be more than 0 and at most {MaximumAmount:0}");
            return false;
        }

        error = null;
        return true;
    }

    private static EnrolCommand Enrol(FormSpec form, FormValues values, ImmutableDictionary<string, string>.Builder errors)
    {
        var name = values.Text(FieldNames.Name);
        if (name.Length > Customer.MaxNameLength)
        {
            errors[FieldNames.Name] = string.Create(CultureInfo.InvariantCulture, $"name is at most {Customer.MaxNameLength} characters");
        }

        string? birthday = null;
        if (Optional(values, FieldNames.Birthday) is { } typed)
        {
            if (MonthDay.TryParse(typed, out var monthDay, out _))
            {
                birthday = monthDay.ToString();
            }
            else
            {
                errors[FieldNames.Birthday] = "birthday is day and month: MM-DD, e.g. 03-14";
            }
        }

        var email = Optional(values, FieldNames.Email);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            errors[FieldNames.Email] = "email needs an @, e.g. anna@example.com";
        }

        return new EnrolCommand(
            name,
            Optional(values, FieldNames.Greeting),
            birthday,
            Optional(values, FieldNames.Phone),
            email,
            values.IsTicked(FieldNames.Consent),
            form.Card);
    }

    private static ManualSaleCommand ManualSale(FormSpec form, FormValues values, ImmutableDictionary<string, string>.Builder errors)
    {
        var typed = values.Text(FieldNames.Amount);
        if (typed.Length > 0 && !TryParseAmount(typed, out _, out var error))
        {
            errors[FieldNames.Amount] = error!;
        }

        _ = TryParseAmount(typed, out var amount, out _);
        var items = values.Text(FieldNames.Items).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ManualSaleCommand(amount, items, form.CustomerId);
    }

    private static AdjustPointsCommand AdjustPoints(FormSpec form, FormValues values, ImmutableDictionary<string, string>.Builder errors)
    {
        var typed = values.Text(FieldNames.Points);
        long points = 0;
        if (typed.Length > 0
            && (!long.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out points) || points == 0 || Math.Abs(points) > 1_000_000))
        {
            errors[FieldNames.Points] = "points must be a whole number other than 0, e.g. +50 or -20";
        }

        // Not trimmed: a PIN is exactly what was typed.
        var pin = values.Texts.GetValueOrDefault(FieldNames.ManagerPin, string.Empty);
        if (pin.Length > 0 && (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)))
        {
            errors[FieldNames.ManagerPin] = "manager PIN is 4 to 12 digits";
        }

        return new AdjustPointsCommand(CustomerIdOf(form), points, values.Text(FieldNames.Reason), pin);
    }

    private static string? Optional(FormValues values, string name) => values.Text(name) is { Length: > 0 } v ? v : null;

    private static long CustomerIdOf(FormSpec form) =>
        form.CustomerId ?? throw new InvalidOperationException($"a {form.Kind} form was opened without a customer");
}
