namespace PosLoyalty.Storage.Customers;

/// <summary>Why the cashier should say more than hello; the panel has its own matching kinds.</summary>
public enum CounterAlertKind
{
    Birthday,
    Anniversary,
    BackAfterAbsence,
    OpenComplaint,
    FollowUp,
    ReferralPending,
    PointsExpiring,
}
