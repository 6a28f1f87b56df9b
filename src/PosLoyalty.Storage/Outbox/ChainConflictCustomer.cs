using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Outbox;

/// <summary>One side of a card conflict: the customer's chain-wide id, their number in this file, and the shop and till whose event claimed the card for them.</summary>
public sealed record ChainConflictCustomer(string ChainId, CustomerId Customer, string ShopId, string TillId);
