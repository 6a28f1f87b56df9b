using System.Globalization;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Values;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>
/// Turns a filled form into a command, or into the same form with inline errors. Only what the
/// panel can know is checked here; the service still validates everything it receives.
/// </summary>
internal static class FormSubmission
{
    public static (FormState Form, PanelCommand? Command) Submit(FormState form)
    {
        var checkedForm = form with { Fields = Forms.ClearErrors(form.Fields) };
        foreach (var field in checkedForm.Fields)
        {
            if (field.Required && field.Kind != FieldKind.Toggle && string.IsNullOrWhiteSpace(field.Value))
            {
                checkedForm = checkedForm.With(field.Name, f => f with { Error = $"{f.Label.ToLowerInvariant()} is required" });
            }
        }

        PanelCommand? command = form.Kind switch
        {
            FormKind.Enrol => Enrol(ref checkedForm),
            FormKind.Note => new AddNoteCommand(CustomerIdOf(form), Value(form, FieldNames.Text), form[FieldNames.Pinned].Checked),
            FormKind.Find => new FindCommand(Value(form, FieldNames.Query)),
            FormKind.Redeem => new RedeemCommand(Value(form, FieldNames.Code).ToUpperInvariant()),
            FormKind.ManualSale => ManualSale(ref checkedForm),
            FormKind.Complaint => new ComplaintCommand(CustomerIdOf(form), Value(form, FieldNames.Text), form[FieldNames.FollowUp].Checked),
            FormKind.AdjustPoints => AdjustPoints(ref checkedForm),
            _ => null,
        };

        var firstError = checkedForm.Fields.ToList().FindIndex(f => f.Error is not null);
        return firstError >= 0
            ? (checkedForm with { Focus = firstError }, null)
            : (checkedForm, command);
    }

    private static EnrolCommand? Enrol(ref FormState form)
    {
        var name = Value(form, FieldNames.Name);
        if (name.Length > Customer.MaxNameLength)
        {
            form = form.With(FieldNames.Name, f => f with { Error = string.Create(CultureInfo.InvariantCulture, $"name is at most {Customer.MaxNameLength} characters") });
        }

        string? birthday = null;
        if (Optional(form, FieldNames.Birthday) is { } typed)
        {
            if (MonthDay.TryParse(typed, out var monthDay, out _))
            {
                birthday = monthDay.ToString();
            }
            else
            {
                form = form.With(FieldNames.Birthday, f => f with { Error = "birthday is day and month: MM-DD, e.g. 03-14" });
            }
        }

        var email = Optional(form, FieldNames.Email);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            form = form.With(FieldNames.Email, f => f with { Error = "email needs an @, e.g. anna@example.com" });
        }

        return new EnrolCommand(
            name,
            Optional(form, FieldNames.Greeting),
            birthday,
            Optional(form, FieldNames.Phone),
            email,
            form[FieldNames.Consent].Checked,
            form.Card);
    }

    private static ManualSaleCommand? ManualSale(ref FormState form)
    {
        var typed = Value(form, FieldNames.Amount);
        if (typed.Length > 0 && !AmountInput.TryParse(typed, out _, out var error))
        {
            form = form.With(FieldNames.Amount, f => f with { Error = error });
            return null;
        }

        _ = AmountInput.TryParse(typed, out var amount, out _);
        var items = Value(form, FieldNames.Items)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ManualSaleCommand(amount, items, form.CustomerId);
    }

    private static AdjustPointsCommand? AdjustPoints(ref FormState form)
    {
        var typed = Value(form, FieldNames.Points);
        long points = 0;
        if (typed.Length > 0
            && (!long.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out points) || points == 0 || Math.Abs(points) > 1_000_000))
        {
            form = form.With(FieldNames.Points, f => f with { Error = "points must be a whole number other than 0, e.g. +50 or -20" });
        }

        var pin = form[FieldNames.ManagerPin].Value;
        if (pin.Length > 0 && (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)))
        {
            form = form.With(FieldNames.ManagerPin, f => f with { Error = "manager PIN is 4 to 12 digits" });
        }

        return new AdjustPointsCommand(CustomerIdOf(form), points, Value(form, FieldNames.Reason), pin);
    }

    private static string Value(FormState form, string name) => form[name].Value.Trim();

    private static string? Optional(FormState form, string name) => Value(form, name) is { Length: > 0 } v ? v : null;

    private static long CustomerIdOf(FormState form) =>
        form.CustomerId ?? throw new InvalidOperationException($"a {form.Kind} form was opened without a customer");
}
