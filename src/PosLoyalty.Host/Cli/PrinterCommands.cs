using System.CommandLine;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.Serial;

namespace PosLoyalty.Host.Cli;

/// <summary>`printer test|status` for store IT: is the printer there, and does a coupon come out right?</summary>
internal static class PrinterCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var printer = new Command("printer", "check the receipt printer");

        var device = Device();
        var baud = Baud();
        var columns = new Option<int>("--columns") { Description = "characters per line: 32 (58 mm), 42 or 48 (80 mm)", DefaultValueFactory = _ => 42 };
        var test = new Command("test", "print a test coupon (native CODE128 and QR, then a cut)") { device, baud, columns };
        bind(test, (ctx, p) =>
        {
            var width = p.GetValue(columns);
            if (width is not (32 or 42 or 48))
            {
                throw new CliException($"--columns {width} is not supported: 32, 42 or 48");
            }

            var code = CouponCode.NewRandom();
            var bytes = new CouponLayout(new CouponLayoutOptions { PaperWidthInCharacters = width }).Render(new CouponContent(
                "PosLoyalty",
                "Printer test",
                "Test coupon — not valid",
                code.ToDisplayString(),
                DateOnly.FromDateTime(ctx.Time.GetLocalNow().Date).AddDays(7),
                "If you can read this, the barcode and QR code below scan as the code printed under them, and the paper was cut."));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            using (var target = Open(p.GetValue(device)!, p.GetValue(baud)))
            {
                target.WriteAsync(bytes, cts.Token).GetAwaiter().GetResult();
            }

            return JsonOutput.Done(ctx, new { device = p.GetValue(device), bytes = bytes.Length, code = code.Value }, $"test coupon sent to {p.GetValue(device)} ({bytes.Length} bytes, code {code.ToDisplayString()})");
        });
        printer.Subcommands.Add(test);

        var statusDevice = Device();
        var statusBaud = Baud();
        var status = new Command("status", "ask the printer for its status (DLE EOT); says so when the link cannot tell") { statusDevice, statusBaud };
        bind(status, (ctx, p) =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            PrinterStatus report;
            using (var target = Open(p.GetValue(statusDevice)!, p.GetValue(statusBaud)))
            {
                report = target.GetStatusAsync(cts.Token).GetAwaiter().GetResult();
            }

            var state = report.State.ToString().ToLowerInvariant();
            var text = report.IsKnown
                ? $"{state}{(report.PaperEnd ? ", paper out" : report.PaperNearEnd ? ", paper low" : string.Empty)}{(report.CoverOpen ? ", cover open" : string.Empty)}{(report.ErrorOccurred ? ", error" : string.Empty)}"
                : $"unknown: {report.UnknownReason}";
            return JsonOutput.Done(
                ctx,
                new { device = p.GetValue(statusDevice), state, paperEnd = report.PaperEnd, paperNearEnd = report.PaperNearEnd, coverOpen = report.CoverOpen, error = report.ErrorOccurred, unknownReason = report.UnknownReason },
                $"{p.GetValue(statusDevice)}: {text}");
        });
        printer.Subcommands.Add(status);
        return printer;
    }

    private static Option<string> Device() => new("--device") { Description = "/dev/usb/lp0, tcp://HOST:9100, file:PATH or a serial tty", Required = true };

    private static Option<int> Baud() => new("--baud") { Description = "serial printers only", DefaultValueFactory = _ => 9600 };

    private static EscPosPrinter Open(string device, int baud)
    {
        var parsed = PrinterDevice.TryParse(device, out var d, out var error) ? d : throw new CliException("--device: " + error);
        if (parsed.Kind == PrinterDeviceKind.Serial)
        {
            return new EscPosPrinter(PosixSerialPort.Open(parsed.Path!, new SerialPortSettings(baud)), shouldDispose: true);
        }

        return new EscPosPrinter(PrinterTransport.Open(parsed, TimeSpan.FromSeconds(5)), shouldDispose: true);
    }
}
