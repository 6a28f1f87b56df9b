namespace PosLoyalty.Service.Devices;

/// <summary>Which configured device doctor is looking at; decides how it is opened and what access it needs.</summary>
public enum DeviceRole
{
    Scanner,
    ReceiptTap,
    Printer,
    Display,
}
