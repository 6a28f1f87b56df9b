namespace PosLoyalty.Chain;

/// <summary>What `chain remove-till` changed: the login the till had (null: none), its till_logins row removed now, the login dropped now.</summary>
public sealed record TillLoginRemoval(string? Login, bool Removed, bool Dropped);
