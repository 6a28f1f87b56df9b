using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

public sealed record CardRecord(CardNumber Number, CustomerId CustomerId, DateTimeOffset IssuedAt, DateTimeOffset? ReplacedAt);
