namespace PosLoyalty.Chain;

/// <summary>What one sync did: events pushed (new to PostgreSQL), pulled and applied here.</summary>
public sealed record ChainSyncRound(int Pushed, int Pulled, int Applied);
