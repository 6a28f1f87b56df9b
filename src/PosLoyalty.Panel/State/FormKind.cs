namespace PosLoyalty.Panel.State;

public enum FormKind
{
    Enrol,
    Note,
    Find,
    Redeem,
    ManualSale,
    Complaint,
    AdjustPoints,
}
