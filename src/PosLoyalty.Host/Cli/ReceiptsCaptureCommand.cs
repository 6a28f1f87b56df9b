using System.CommandLine;
using System.Globalization;
using PosLoyalty.Host.Hosting;
using PosLoyalty.Panel.Connection;
using PosLoyalty.Service.Panel;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `receipts capture --count N FILE [--force] [--timeout DURATION]`: the next N receipts the running service's tap reads,
/// as the POS sent them with card numbers masked, into FILE for `receipts learn` and `receipts decode`
/// (docs/adr/0012-receipt-capture-over-the-panel-socket.md). It asks over Panel:Socket, so it needs what a panel needs:
/// root, the service's user or group posloyalty. FILE is written whole (mode 0600) once the capture ends; Ctrl-C or
/// the timeout end it early and keep what was captured.
/// </summary>
internal static class ReceiptsCaptureCommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var file = new Argument<string>("FILE") { Description = "where to write the captured bytes (mode 0600: it is store data)" };
        var count = new Option<int>("--count") { Description = $"how many receipts to capture, 1 to {PanelReceiptCapture.MaxCount}", Required = true };
        var force = new Option<bool>("--force") { Description = "replace FILE if it exists" };
        var timeout = new Option<string?>("--timeout") { Description = "stop after this long even if fewer receipts came (90s, 5m, 1h or hh:mm:ss); what came is kept" };
        var capture = new Command("capture", "record the next N receipts the running service's receipt tap reads into FILE, card numbers masked") { file, count, force, timeout };
        bind(capture, (ctx, p) =>
        {
            var wanted = p.GetValue(count);
            if (wanted is < 1 or > PanelReceiptCapture.MaxCount)
            {
                throw new CliException($"--count {wanted} must be 1 to {PanelReceiptCapture.MaxCount}");
            }

            var path = Target(p.GetValue(file)!, p.GetValue(force));
            var limit = Parse.DurationOrNull("--timeout", p.GetValue(timeout));
            var socket = Path.GetFullPath(ctx.Get<PanelOptions>().Socket);

            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true; // stop the capture, keep what came: the command ends by itself
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return CaptureAsync(ctx, socket, path, wanted, limit, interrupt.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return capture;
    }

    private static string Target(string file, bool force)
    {
        var path = Path.GetFullPath(file);
        if (Directory.Exists(path))
        {
            throw new CliException($"receipts capture: '{file}' is a folder: give a file name");
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"receipts capture: folder '{folder}' does not exist");
        }

        if (File.Exists(path) && !force)
        {
            throw new CliException($"receipts capture: '{file}' exists: pass --force to replace it, or choose another name");
        }

        return path;
    }

    private static async Task<int> CaptureAsync(CliContext ctx, string socket, string path, int wanted, TimeSpan? limit, CancellationToken interrupt)
    {
        IPanelConnection connection;
        try
        {
            connection = await new PanelSocketConnector(socket).ConnectAsync(interrupt);
        }
        catch (PanelUnavailableException ex)
        {
            throw new NotFoundException($"receipts capture: no service is running to capture from ({ex.Message}): start `posloyalty run`, or set Panel:Socket to its socket");
        }

        var receipts = new List<byte[]>();
        var masked = 0;
        var started = false;
        string? lastError = null;
        string? failure = null;
        var noTap = false;
        using var deadline = limit is { } after ? new CancellationTokenSource(after, ctx.Time) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt, deadline.Token);
        await using (connection)
        {
            await connection.SendAsync(new CaptureReceiptsCommand(wanted), interrupt);
            try
            {
                await foreach (var panelEvent in connection.Events.ReadAllAsync(stop.Token))
                {
                    switch (panelEvent)
                    {
                        case CaptureStartedEvent s:
                            started = true;
                            ctx.Error.WriteLine($"capturing {wanted} receipt(s) into {path}: print them at the till now (Ctrl-C stops and keeps what was captured)");
                            if (s.SkipsReceiptInProgress)
                            {
                                ctx.Error.WriteLine("a receipt was being printed when the capture began: it is skipped, the next one is the first");
                            }

                            break;
                        case CapturedReceiptEvent r:
                            receipts.Add(r.Bytes);
                            masked += r.MaskedDigits;
                            ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"receipt {r.Number} of {wanted}: {r.Bytes.Length} bytes{(r.MaskedDigits > 0 ? $", {r.MaskedDigits} card number digit(s) masked" : string.Empty)}"));
                            break;
                        case CaptureFailedEvent f:
                            failure = f.Reason;
                            noTap = f.NoReceiptTap;
                            break;
                        case ServiceMessageEvent { IsError: true } m when !started:
                            lastError = m.Text; // a refusal comes alone, then the connection closes
                            break;
                        default:
                            break; // the till's events for panels: not ours
                    }

                    if (receipts.Count == wanted || failure is not null)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ctrl-C or the timeout: keep what came.
            }
        }

        if (!started && receipts.Count == 0)
        {
            if (noTap)
            {
                throw new ConfigurationException("receipts capture: " + failure);
            }

            if (failure is not null || lastError is not null)
            {
                throw new CliException("receipts capture: the service refused: " + (failure ?? lastError));
            }

            if (interrupt.IsCancellationRequested || deadline.IsCancellationRequested)
            {
                throw new CliException("receipts capture: stopped before the service answered; nothing was written");
            }

            throw new NotFoundException("receipts capture: the service closed the connection before the capture began; nothing was written");
        }

        var complete = receipts.Count == wanted;
        var reason = complete ? null
            : failure is not null ? failure
            : interrupt.IsCancellationRequested ? "interrupted"
            : deadline.IsCancellationRequested ? string.Create(CultureInfo.InvariantCulture, $"--timeout {limit} passed")
            : "the service went away";
        if (receipts.Count > 0)
        {
            AtomicFile.Write(path, receipts.SelectMany(r => r).ToArray(), OwnerOnly);
        }

        var bytes = receipts.Sum(r => r.Length);
        var text = receipts.Count == 0
            ? $"{reason}: no receipt was captured; {path} was not written"
            : complete
                ? string.Create(CultureInfo.InvariantCulture, $"{path}: {receipts.Count} receipt(s), {bytes} bytes, {masked} card number digit(s) masked — check it with `posloyalty receipts decode {path}`, then `receipts learn {path}`")
                : string.Create(CultureInfo.InvariantCulture, $"{reason}: {path} holds the {receipts.Count} of {wanted} receipt(s) captured ({bytes} bytes, {masked} card number digit(s) masked)");
        if (ctx.Json)
        {
            JsonOutput.Write(ctx.Output, new { file = receipts.Count > 0 ? path : null, requested = wanted, receipts = receipts.Count, bytes, maskedDigits = masked, complete, stopped = reason });
        }
        else if (complete)
        {
            ctx.Output.WriteLine(text);
        }

        if (!complete)
        {
            ctx.Error.WriteLine("posloyalty: " + text);
        }

        // Ctrl-C is the user's own stop: what it kept is the answer. A timeout, a failure or a vanished service is not.
        return complete || (reason == "interrupted" && receipts.Count > 0) ? ExitCodes.Ok
            : reason == "the service went away" ? ExitCodes.NotFound
            : ExitCodes.InvalidInput;
    }
}
