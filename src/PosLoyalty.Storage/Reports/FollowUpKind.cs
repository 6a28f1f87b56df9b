namespace PosLoyalty.Storage.Reports;

/// <summary>Why someone is on the follow-up list.</summary>
public enum FollowUpKind
{
    Complaint,
    Note,
    ThankYouCall,
    Birthday,
    Anniversary,
}
