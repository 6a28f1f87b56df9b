namespace PosLoyalty.Storage.Outbox;

/// <summary>Another till's change as PostgreSQL holds it; <paramref name="Position"/> is the chain's order of arrival.</summary>
public sealed record PulledEvent(long Position, Guid EventId, string ShopId, string TillId, long Seq, string Kind, Guid? Customer, string PayloadJson, DateTimeOffset At);
