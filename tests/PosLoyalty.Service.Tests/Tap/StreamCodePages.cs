namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// The code pages the test jobs print in: n of ESC t (Epson ESC/POS Command Reference, ESC t) and of ESC GS t (Star
/// Line Mode Command Specifications, ESC GS t), each with its .NET code page. Where Star has no such page the nearest
/// one that prints the language is used.
/// </summary>
internal static class StreamCodePages
{
    public static readonly ReceiptScript.Pages Pc437 = new(0, 437, 1, 437);
    public static readonly ReceiptScript.Pages Pc850 = new(2, 850, 4, 858);
    public static readonly ReceiptScript.Pages Pc858 = new(19, 858, 4, 858);
    public static readonly ReceiptScript.Pages Pc860 = new(3, 860, 6, 860);
    public static readonly ReceiptScript.Pages Pc865 = new(5, 865, 9, 865);
    public static readonly ReceiptScript.Pages Pc852 = new(18, 852, 5, 852);
    public static readonly ReceiptScript.Pages Pc857 = new(13, 857, 12, 857);
    public static readonly ReceiptScript.Pages Pc866 = new(17, 866, 10, 866);
    public static readonly ReceiptScript.Pages Pc737 = new(14, 737, 15, 737);
    public static readonly ReceiptScript.Pages Wpc1252 = new(16, 1252, 32, 1252);
    public static readonly ReceiptScript.Pages Wpc1250 = new(45, 1250, 33, 1250);
    public static readonly ReceiptScript.Pages Wpc1251 = new(46, 1251, 34, 1251);
    public static readonly ReceiptScript.Pages Wpc1253 = new(47, 1253, 15, 737);
    public static readonly ReceiptScript.Pages Wpc1254 = new(48, 1254, 12, 857);
    public static readonly ReceiptScript.Pages Cp1257 = new(51, 1257, 32, 1252);
}
