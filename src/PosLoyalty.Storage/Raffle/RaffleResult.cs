using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Raffle;

/// <summary>A recorded draw: the month, when it ran, how many customers were in it and who won.</summary>
public sealed record RaffleResult(string Month, DateTimeOffset DrawnAt, long Entrants, CustomerId Winner);
