namespace PosLoyalty.Chain;

/// <summary>Who this till is in the chain, and where the chain is (user@host:port/database: never the password).</summary>
public sealed record ChainIdentity(string ShopId, string TillId, string Server);
