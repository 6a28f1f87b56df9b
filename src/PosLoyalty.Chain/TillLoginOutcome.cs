namespace PosLoyalty.Chain;

/// <summary>What `chain add-till` changed: the login made now, its password set now, its till_logins row added now. All false: it was already so.</summary>
public sealed record TillLoginOutcome(bool Created, bool PasswordSet, bool Mapped);
