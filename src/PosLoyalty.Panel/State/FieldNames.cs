namespace PosLoyalty.Panel.State;

/// <summary>The names of form fields, shared by the forms, their submission and the tests.</summary>
public static class FieldNames
{
    public const string Name = "name";
    public const string Greeting = "greeting";
    public const string Birthday = "birthday";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Consent = "consent";
    public const string Text = "text";
    public const string Pinned = "pinned";
    public const string Query = "query";
    public const string Code = "code";
    public const string Amount = "amount";
    public const string Items = "items";
    public const string FollowUp = "followUp";
    public const string Points = "points";
    public const string Reason = "reason";
    public const string ManagerPin = "managerPin";
}
