using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.State;

/// <summary>The forms the keys open, each with its fields in Tab order.</summary>
public static class Forms
{
    public static FormSpec Enrol(string? card) => new(
        FormKind.Enrol,
        card is null ? "Enrol a customer" : $"Enrol a customer · card {CardMask.Mask(card)}",
        [
            new(FieldNames.Name, "Name", Required: true),
            new(FieldNames.Greeting, "Greet as", Hint: "e.g. Mr Rossi"),
            new(FieldNames.Birthday, "Birthday", Hint: "MM-DD"),
            new(FieldNames.Phone, "Phone"),
            new(FieldNames.Email, "Email"),
            new(FieldNames.Consent, "Marketing consent", FieldKind.Toggle),
        ],
        Card: card);

    public static FormSpec Note(CustomerCardModel customer, bool pinned) => new(
        FormKind.Note,
        $"Note for {customer.DisplayName}",
        [
            new(FieldNames.Text, "Note", Required: true),
            new(FieldNames.Pinned, "Pinned", FieldKind.Toggle, InitiallyChecked: pinned),
        ],
        CustomerId: customer.CustomerId);

    public static FormSpec Find() => new(
        FormKind.Find,
        "Find a customer",
        [new(FieldNames.Query, "Name or phone", Required: true)]);

    public static FormSpec Redeem() => new(
        FormKind.Redeem,
        "Redeem a coupon",
        [new(FieldNames.Code, "Coupon code", Required: true, Hint: "as printed, dashes optional")]);

    public static FormSpec ManualSale(CustomerCardModel? customer) => new(
        FormKind.ManualSale,
        customer is null ? "Manual sale" : $"Manual sale for {customer.DisplayName}",
        [
            new(FieldNames.Amount, "Amount", Required: true, Hint: "e.g. 12.50"),
            new(FieldNames.Items, "Items", Hint: "optional, separate with ;"),
        ],
        CustomerId: customer?.CustomerId);

    public static FormSpec Complaint(CustomerCardModel customer) => new(
        FormKind.Complaint,
        $"Complaint or feedback from {customer.DisplayName}",
        [
            new(FieldNames.Text, "What happened", Required: true),
            new(FieldNames.FollowUp, "Follow up", FieldKind.Toggle),
        ],
        CustomerId: customer.CustomerId);

    public static FormSpec AdjustPoints(CustomerCardModel customer) => new(
        FormKind.AdjustPoints,
        $"Adjust points for {customer.DisplayName}",
        [
            new(FieldNames.Points, "Points", Required: true, Hint: "+50 or -20"),
            new(FieldNames.Reason, "Reason", Required: true),
            new(FieldNames.ManagerPin, "Manager PIN", FieldKind.Secret, Required: true),
        ],
        CustomerId: customer.CustomerId);
}
