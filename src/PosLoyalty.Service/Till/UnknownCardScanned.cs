using PosLoyalty.Domain.Values;

namespace PosLoyalty.Service.Till;

/// <summary>A card nobody holds yet was scanned: the panel offers quick enrolment with it filled in.</summary>
public sealed record UnknownCardScanned(DateTimeOffset At, CardNumber Card) : TillEvent(At);
