namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// What an erasure strips from a customer's events, in the till's outbox and on PostgreSQL alike: the kinds that
/// carry personal fields, and those fields. A redacted event keeps its other keys and gains "redacted": true.
/// </summary>
public static class ChainErasureFields
{
    public const string RedactedKey = "redacted";

    public static IReadOnlyList<string> Kinds { get; } =
        [ChainEventKinds.CustomerEnrolled, ChainEventKinds.CustomerEdited, ChainEventKinds.NoteAdded, ChainEventKinds.CardReplaced];

    /// <summary>The person's fields (an enrolment's cards and notes go whole).</summary>
    public static IReadOnlyList<string> Personal { get; } =
        ["name", "greeting", "birthday", "anniversary", "phone", "email", "text", "card", "cards", "notes"];
}
