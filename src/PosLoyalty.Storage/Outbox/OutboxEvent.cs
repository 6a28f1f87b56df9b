namespace PosLoyalty.Storage.Outbox;

/// <summary>One change recorded at this till, waiting to be pushed: <paramref name="Seq"/> is this till's own order.</summary>
public sealed record OutboxEvent(long Seq, Guid EventId, string Kind, Guid? Customer, string PayloadJson, DateTimeOffset At);
