namespace PosLoyalty.Domain.Rules;

/// <summary>Why a ledger row exists. Stored as its kebab-case name; never renamed.</summary>
public enum LedgerReason
{
    Purchase,
    Birthday,
    WelcomeBack,
    RepeatVisit,
    Referral,
    Conversion,
    Expiry,
    Adjustment,
    Refund,
    Merge,
    Opening,
}
