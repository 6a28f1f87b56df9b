using System.CommandLine;
using System.Text.Json;
using PosLoyalty.Drivers.Scanner;
using PosLoyalty.Drivers.Serial;

namespace PosLoyalty.Host.Cli;

/// <summary>`scanner listen`: shows store IT exactly what the scanner sends, one scan per line.</summary>
internal static class ScannerCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var scanner = new Command("scanner", "check the barcode scanner");
        var device = new Option<string>("--device") { Description = "a serial tty (/dev/pos/scanner) or evdev:/dev/input/by-id/…-event-kbd", Required = true };
        var baud = new Option<int>("--baud") { Description = "serial scanners only", DefaultValueFactory = _ => 9600 };
        var count = new Option<int?>("--count") { Description = "stop after this many scans (default: until Ctrl+C)" };
        var grab = new Option<bool>("--grab") { Description = "evdev: keep the scans out of the console (EVIOCGRAB)" };
        var listen = new Command("listen", "print each scan as it arrives") { device, baud, count, grab };
        bind(listen, (ctx, p) =>
        {
            var limit = p.GetValue(count);
            if (limit is <= 0)
            {
                throw new CliException($"--count {limit} must be 1 or more");
            }

            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler stop = (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            Console.CancelKeyPress += stop;
            try
            {
                return Listen(ctx, p.GetValue(device)!, p.GetValue(baud), p.GetValue(grab), limit, cts.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= stop;
            }
        });
        scanner.Subcommands.Add(listen);
        return scanner;
    }

    private static async Task<int> Listen(CliContext ctx, string device, int baud, bool grab, int? limit, CancellationToken cancellationToken)
    {
        const string evdevPrefix = "evdev:";
        Func<CancellationToken, ValueTask<Scan>> read;
        IAsyncDisposable source;
        if (device.StartsWith(evdevPrefix, StringComparison.Ordinal))
        {
            var wedge = EvdevKeyboardScanner.Open(device[evdevPrefix.Length..], grab, timeProvider: ctx.Time);
            (read, source) = (wedge.ReadAsync, wedge);
        }
        else
        {
            var settings = new SerialPortSettings(baud);
            var serial = new SerialScanner(PosixSerialPort.Open(device, settings), shouldDispose: true, timeProvider: ctx.Time);
            (read, source) = (serial.ReadAsync, serial);
        }

        await using (source)
        {
            for (var seen = 0; limit is null || seen < limit; seen++)
            {
                Scan scan;
                try
                {
                    scan = await read(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (EndOfStreamException)
                {
                    throw new CliException($"{device}: the device went away");
                }

                ctx.Output.WriteLine(ctx.Json
                    ? JsonSerializer.Serialize(new { code = scan.Code, symbology = scan.Symbology.ToString(), at = scan.At })
                    : $"{scan.At:HH:mm:ss.fff}  {scan.Symbology,-12} {scan.Code}");
                await ctx.Output.FlushAsync(cancellationToken);
            }
        }

        return ExitCodes.Ok;
    }
}
