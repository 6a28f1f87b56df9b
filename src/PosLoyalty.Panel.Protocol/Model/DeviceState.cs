namespace PosLoyalty.Panel.Model;

public enum DeviceState
{
    Ok,
    Waiting,
    Absent,
    PaperLow,
    PaperOut,
    Error,
}
