namespace PosLoyalty.Panel.Model;

/// <summary>Why the cashier should say something more than hello.</summary>
public enum AlertKind
{
    Birthday,
    Anniversary,
    BackAfterAbsence,
    OpenComplaint,
    FollowUp,
    ReferralPending,
    PointsExpiring,
}
