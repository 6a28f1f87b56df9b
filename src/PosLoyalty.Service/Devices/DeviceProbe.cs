using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Interop;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Devices;

/// <summary>
/// `posloyalty doctor` for one configured device: does the path exist (following a udev symlink), may this user
/// open it (and if not, which group is missing), does it open, and for a printer what DLE EOT says.
/// </summary>
/// <remarks>
/// A device some other process has open (the running service, normally) is not opened: opening a tty again would
/// re-apply its line settings and, on close, could drop DTR; /dev/usb/lp allows one opener; a TCP printer usually
/// serves one connection. Doctor says who holds it instead. Only a user's own processes are visible in /proc, so
/// run doctor as the service user (`sudo -u posloyalty posloyalty doctor`, or the /usr/local/bin wrapper as root);
/// the serial driver's TIOCEXCL refuses a second opener anyway, which doctor reports as "in use".
/// </remarks>
public sealed partial class DeviceProbe(UnixAccounts accounts, string serviceUser = "posloyalty")
{
    private const int Busy = 16; // EBUSY
    private const int NotFound = 2; // ENOENT

    /// <summary>How long a TCP connect, and each DLE EOT reply, may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public async Task<DeviceReport> ProbeAsync(DeviceCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        var device = check.Device.Trim();
        if (TcpDeviceAddress.IsTcp(device))
        {
            return check.Role switch
            {
                DeviceRole.Printer => await ProbeTcpPrinterAsync(check, device, cancellationToken),
                DeviceRole.ReceiptTap => ProbeTcpListen(check, device),
                _ => Report(check, null, null, null, "tcp", open: "not tried", problems: [$"{check.Key} '{device}': this device is not reached over TCP; give its tty or event device path"]),
            };
        }

        var path = PathOf(check, device, out var kind);
        var problems = new List<string>();
        var notes = new List<string>();
        string? symlinkTarget = null;
        if (new FileInfo(path).LinkTarget is not null)
        {
            symlinkTarget = DeviceHolders.Resolve(path);
        }

        var node = Libc.Stat(path, out var errno);
        if (node is null)
        {
            problems.Add(errno == NotFound
                ? symlinkTarget is not null
                    ? $"{check.Key} {path} is a symlink to {symlinkTarget}, which does not exist: the device is unplugged or has another name now; plug it in, or check the udev rule (udevadm info --name={path})"
                    : $"{check.Key} {path} does not exist: plug the device in; find its name with `ls -l /dev/serial/by-id/ /dev/input/by-id/ /dev/usb/` and give it a stable one with kiosk-config/udev/99-posloyalty.rules"
                : $"{check.Key} {path} cannot be examined: {Libc.Describe(errno)}");
            return Report(check, path, symlinkTarget, exists: false, kind, open: "not tried", problems: problems);
        }

        kind = Classify(check, path, symlinkTarget ?? path, node, kind);
        var group = accounts.GroupName(node.GroupId);
        var owner = accounts.UserName(node.OwnerId);
        var needsRead = check.Role is not DeviceRole.Display || kind == "tty";
        var needsWrite = kind != "evdev";
        var canRead = Libc.Can(path, Libc.ReadOk);
        var canWrite = Libc.Can(path, Libc.WriteOk);
        if ((needsRead && !canRead) || (needsWrite && !canWrite))
        {
            problems.Add(PermissionAdvice(check, path, node, owner, group, needsRead && !canRead, needsWrite && !canWrite));
            return Report(check, path, symlinkTarget, exists: true, kind, owner, group, node.Permissions, canRead, canWrite, "not tried: no permission", problems: problems);
        }

        if (check.Role == DeviceRole.Scanner && kind is not ("tty" or "evdev"))
        {
            problems.Add($"{check.Key} {path} is a {kind}, not a serial port or an event device: point it at the scanner's tty (/dev/pos/scanner, /dev/ttyACM0) or evdev:/dev/input/by-id/…-event-kbd");
        }

        if (kind is "fifo" or "file" or "socket" or "directory")
        {
            var what = kind == "fifo" ? "a FIFO: not opened (opening waits for the other end)" : $"a {kind}: not opened";
            return Report(check, path, symlinkTarget, exists: true, kind, owner, group, node.Permissions, canRead, canWrite, "not tried: " + what, problems: problems, notes: notes);
        }

        var holders = DeviceHolders.Of(symlinkTarget ?? path);
        if (holders.Count > 0)
        {
            var who = string.Join(", ", holders.Select(h => $"{h.Command} (pid {h.Pid})"));
            notes.Add($"in use by {who}: not opened, so the running service is not disturbed; its state is in `journalctl -u posloyalty` and on the panel");
            return Report(check, path, symlinkTarget, exists: true, kind, owner, group, node.Permissions, canRead, canWrite, "skipped: in use by " + who, problems: problems, notes: notes);
        }

        PrinterStatusReport? status = null;
        string open;
        try
        {
            status = await OpenAsync(check, path, kind, cancellationToken);
            open = "ok";
            if (status is not null)
            {
                PrinterAdvice(check, status, problems, notes);
            }
        }
        catch (SerialPortException ex) when (ex.ErrorNumber == Busy)
        {
            open = "skipped: in use (another process holds it exclusively)";
            notes.Add($"{path} is held exclusively by another process (TIOCEXCL), most likely the running service: that is how it should be");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PrinterConnectionException)
        {
            open = "failed: " + ex.Message;
            problems.Add($"{check.Key} {path} exists but does not open ({ex.Message}): unplug and replug it; `dmesg | tail` shows what the kernel thinks of it");
        }

        return Report(check, path, symlinkTarget, exists: true, kind, owner, group, node.Permissions, canRead, canWrite, open, status, problems, notes);
    }

    private static string PathOf(DeviceCheck check, string device, out string kind)
    {
        kind = "path";
        if (device.StartsWith("evdev:", StringComparison.Ordinal))
        {
            kind = "evdev";
            return device["evdev:".Length..];
        }

        if (device.StartsWith("unix:", StringComparison.Ordinal))
        {
            kind = "socket";
            return device["unix:".Length..];
        }

        if (check.Role == DeviceRole.Printer && PrinterDevice.TryParse(device, out var printer) && printer.Path is { } p)
        {
            kind = printer.Kind switch
            {
                PrinterDeviceKind.Serial => "tty",
                PrinterDeviceKind.LinePrinter => "lp",
                _ => "path",
            };
            return p;
        }

        return device;
    }

    private static string Classify(DeviceCheck check, string path, string resolved, NodeInfo node, string kind)
    {
        switch (node.Type)
        {
            case Libc.Fifo:
                return "fifo";
            case Libc.RegularFile:
                return "file";
            case Libc.Socket:
                return "socket";
            case Libc.Directory:
                return "directory";
            case Libc.CharacterDevice:
                break;
            default:
                return "other";
        }

        if (kind is "evdev" or "lp" or "tty")
        {
            return kind;
        }

        if (EventDevice().IsMatch(resolved))
        {
            return "evdev";
        }

        if (LinePrinter().IsMatch(resolved))
        {
            return "lp";
        }

        // A printer named by a path the driver does not know as a tty (/dev/pos/printer → usb/lp0 is caught above)
        // is opened as the service opens it: as a file.
        return check.Role == DeviceRole.Printer && !TtyName().IsMatch(resolved) && !TtyName().IsMatch(path) ? "char" : "tty";
    }

    private string PermissionAdvice(DeviceCheck check, string path, NodeInfo node, string owner, string group, bool read, bool write)
    {
        var user = accounts.UserName(Libc.EffectiveUserId());
        var missing = read && write ? "read and write" : read ? "read" : "write";
        var inGroup = Libc.Groups().Contains(node.GroupId);
        var text = $"{check.Key} {path} (mode {node.Permissions}, owner {owner}, group {group}): user {user} may not {missing} it";
        text += inGroup
            ? $"; {user} is in group {group} but the mode gives the group no {missing} access: fix MODE in the udev rule (MODE=\"0660\")"
            : $": add the user to group {group} (sudo usermod -aG {group} {user}, then log in again)";
        if (group is "dialout" or "input" or "lp")
        {
            text += $"; the service itself gets {group} from SupplementaryGroups= in posloyalty.service";
        }
        else if (accounts.UserExists(serviceUser) && !accounts.IsMember(serviceUser, node.GroupId))
        {
            text += $"; the service user {serviceUser} is not in group {group} either: set GROUP=\"dialout\" (tty), \"input\" (event) or \"lp\" (usb/lp) in the udev rule";
        }

        return text;
    }

    private async Task<PrinterStatusReport?> OpenAsync(DeviceCheck check, string path, string kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "tty":
                // The serial driver's own open (O_NONBLOCK, TIOCEXCL, raw mode at the configured speed): what the service does.
                var port = PosixSerialPort.Open(path, new SerialPortSettings(check.BaudRate));
                if (check.Role != DeviceRole.Printer)
                {
                    await port.DisposeAsync();
                    return null;
                }

                await using (var printer = new EscPosPrinter(port, shouldDispose: true) { StatusTimeout = Timeout })
                {
                    return await StatusAsync(printer, cancellationToken);
                }

            case "evdev":
                // Read-only and without EVIOCGRAB: the console keeps the keyboard.
                using (File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    return null;
                }

            default:
                if (check.Role != DeviceRole.Printer)
                {
                    using (File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
                    {
                        return null;
                    }
                }

                await using (var printer = new EscPosPrinter(FilePrinterTransport.Open(path), shouldDispose: true) { StatusTimeout = Timeout })
                {
                    return await StatusAsync(printer, cancellationToken);
                }
        }
    }

    private async Task<DeviceReport> ProbeTcpPrinterAsync(DeviceCheck check, string device, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        if (!PrinterDevice.TryParse(device, out var parsed, out var error))
        {
            problems.Add($"{check.Key} '{device}': {error}");
            return Report(check, null, null, null, "tcp", open: "not tried", problems: problems);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(Timeout);
                await socket.ConnectAsync(parsed.Host!, parsed.Port, connect.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            var reason = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0.#} s" : ex.Message;
            problems.Add($"{check.Key} {parsed}: cannot connect ({reason}): is the printer switched on and on the network? Check its address (hold FEED while switching on for a self-test page with its IP) and `ping {parsed.Host}`; a printer busy with another connection also refuses");
            return Report(check, null, null, null, "tcp", open: "failed: " + reason, problems: problems);
        }

        await using var printer = new EscPosPrinter(new NetworkStream(socket, ownsSocket: true), shouldDispose: true) { StatusTimeout = Timeout };
        var status = await StatusAsync(printer, cancellationToken);
        if (status.UnknownReason is not null)
        {
            // A printer's raw port answers DLE EOT at once; a silent peer is most often another service on that port.
            problems.Add($"{check.Key} {parsed}: connected, but nothing answered the status request (DLE EOT) within {Timeout.TotalSeconds:0.#} s ({status.UnknownReason}): check that this is the printer's raw printing port (9100 on most) and that the printer is in ESC/POS mode");
            return Report(check, null, null, null, "tcp", open: "connected: no answer", status: status, problems: problems);
        }

        PrinterAdvice(check, status, problems, notes);
        return Report(check, null, null, null, "tcp", open: "ok", status: status, problems: problems, notes: notes);
    }

    /// <summary>
    /// A tap's listen address: parsed as the service parses it, then bound for a moment (no listen) to tell whether the
    /// service could listen there now, or something (the running service, normally) already does.
    /// </summary>
    private static DeviceReport ProbeTcpListen(DeviceCheck check, string device)
    {
        if (!TapInput.TryParse(device, check.BaudRate, out var input, out var error))
        {
            return Report(check, null, null, null, "tcp", open: "not tried", problems: [error]);
        }

        if (!IPAddress.TryParse(input.Host, out var address))
        {
            return Report(check, null, null, null, "tcp", open: "not tried: a host name", notes: [$"{input} names a host, not an address: the service resolves it when it starts"]);
        }

        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, input.Port));
            return Report(check, null, null, null, "tcp", open: "ok", notes: [$"{input} is free: the service can listen there"]);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return Report(check, null, null, null, "tcp", open: "skipped: in use", notes: [$"{input} is already listened on, most likely by the running service (`ss -ltnp` shows who): the POS's printer driver connects there"]);
        }
        catch (SocketException ex)
        {
            var advice = ex.SocketErrorCode switch
            {
                SocketError.AccessDenied => "a port below 1024 needs CAP_NET_BIND_SERVICE (AmbientCapabilities= in posloyalty.service), or use a port from 1024 up",
                SocketError.AddressNotAvailable => $"{input.Host} is not an address of this machine: use 0.0.0.0 to listen on every interface",
                _ => "check the address and port",
            };
            return Report(check, null, null, null, "tcp", open: "failed: " + ex.Message, problems: [$"{check.Key} {input}: cannot listen there ({ex.Message}): {advice}"]);
        }
    }

    private static async Task<PrinterStatusReport> StatusAsync(EscPosPrinter printer, CancellationToken cancellationToken)
    {
        var s = await printer.GetStatusAsync(cancellationToken);
        return new PrinterStatusReport(s.State.ToString().ToLowerInvariant(), s.PaperEnd, s.PaperNearEnd, s.CoverOpen, s.ErrorOccurred, s.UnknownReason);
    }

    private static void PrinterAdvice(DeviceCheck check, PrinterStatusReport s, List<string> problems, List<string> notes)
    {
        if (s.UnknownReason is not null)
        {
            notes.Add($"printer status unknown ({s.UnknownReason}): a one-way link or a printer not in ESC/POS mode (a Star printer in Star mode) cannot say; receipts still print");
            return;
        }

        if (s.CoverOpen)
        {
            problems.Add($"{check.Key}: the printer's cover is open: close it (press until it clicks)");
        }

        if (s.PaperEnd)
        {
            problems.Add($"{check.Key}: the printer is out of paper: load a new roll; coupons waiting for it print when it is back");
        }
        else if (s.PaperNearEnd)
        {
            problems.Add($"{check.Key}: the paper roll is nearly used up: have a new roll ready");
        }

        if (s.Error)
        {
            problems.Add($"{check.Key}: the printer reports an error (cutter jam, head too hot): switch it off, clear any jammed paper from the cutter, switch it on");
        }

        if (s.State == "offline" && !s.CoverOpen && !s.PaperEnd && !s.Error)
        {
            problems.Add($"{check.Key}: the printer says it is offline: check the paper and cover, then switch it off and on");
        }
    }

    private static DeviceReport Report(
        DeviceCheck check,
        string? path,
        string? symlinkTarget,
        bool? exists,
        string kind,
        string? owner = null,
        string? group = null,
        string? mode = null,
        bool? canRead = null,
        bool? canWrite = null,
        string open = "not tried",
        PrinterStatusReport? status = null,
        IReadOnlyList<string>? problems = null,
        IReadOnlyList<string>? notes = null) =>
        new(check.Key, check.Device, path, symlinkTarget, exists, kind, owner, group, mode, canRead, canWrite, open, status, problems ?? [], notes ?? []);

    [GeneratedRegex(@"^/dev/input/event\d+$")]
    private static partial Regex EventDevice();

    [GeneratedRegex(@"^/dev/(usb/)?lp\d+$")]
    private static partial Regex LinePrinter();

    [GeneratedRegex(@"^/dev/(tty[A-Za-z]*\d+|pts/\d+|serial/.+|rfcomm\d+|pos/.+)$")]
    private static partial Regex TtyName();
}
