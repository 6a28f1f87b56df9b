// Prints a test coupon and the printer's status. Not built with the driver (see the csproj);
// copy it into a console project that references PosLoyalty.Drivers.EscPos:
//
//   dotnet run -- /dev/usb/lp0
//   dotnet run -- tcp://192.168.1.50:9100
//   dotnet run -- file:/tmp/coupon.bin        (then: xxd /tmp/coupon.bin)
//
// A serial printer is opened by the host with PosLoyalty.Drivers.Serial and passed as a Stream:
//   await using var printer = new EscPosPrinter(serialPort, shouldDispose: false);

using PosLoyalty.Drivers.EscPos;

var device = args.Length > 0 ? args[0] : "file:/tmp/coupon.bin";
var columns = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 42;

var layout = new CouponLayout(new CouponLayoutOptions
{
    PaperWidthInCharacters = columns,
    CodePage = EscPosCodePage.Pc858,
});

var coupon = layout.Render(new CouponContent(
    ShopName: "Café Anna",
    Greeting: "Thank you, Jürgen — see you soon!",
    RewardText: "Free coffee",
    CouponCode: "7KQ2M9XD4HTAPX",
    ExpiresOn: DateOnly.FromDateTime(DateTime.Today.AddDays(30)),
    Terms: "One coupon per visit. Not exchangeable for cash. Show this coupon or scan its code at the till."));

Console.WriteLine($"Coupon: {coupon.Length} bytes for {columns} columns");

await using var printer = new EscPosPrinter(device) { StatusTimeout = TimeSpan.FromMilliseconds(500) };
await printer.WriteAsync(coupon);

var status = await printer.GetStatusAsync();
Console.WriteLine(status.IsKnown
    ? $"Printer {status.State}; cover open: {status.CoverOpen}; paper near end: {status.PaperNearEnd}; paper end: {status.PaperEnd}"
    : $"Status unknown: {status.UnknownReason}");
