namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>Translates <see cref="SerialPortSettings"/> to and from struct termios2. Pure; no system calls.</summary>
internal static class TermiosCodec
{
    /// <summary>
    /// Puts <paramref name="termios"/> into raw mode with the given line settings, keeping the line
    /// discipline, the other control characters and HUPCL as they were.
    /// </summary>
    public static unsafe void Encode(ref Termios2 termios, SerialPortSettings settings)
    {
        // Raw mode as cfmakeraw(3) defines it: no input translation, no output processing, no echo,
        // no canonical line editing, no signals from received bytes.
        termios.InputFlags = InputFlags.IGNBRK;
        if (settings.Parity != Parity.None)
        {
            // Check incoming parity; without INPCK the kernel ignores parity errors on input.
            termios.InputFlags |= InputFlags.INPCK;
        }

        if (settings.FlowControl == FlowControl.XonXoff)
        {
            termios.InputFlags |= InputFlags.IXON | InputFlags.IXOFF;
        }

        termios.OutputFlags = OutputFlags.None;
        termios.LocalFlags = LocalFlags.None;

        // CLOCAL: a device without carrier detect wiring must still be usable; USB unplug still hangs up.
        // BOTHER in both speed fields: the kernel takes c_ispeed/c_ospeed as plain numbers (tty_ioctl(4)).
        var control = (termios.ControlFlags & ControlFlags.HUPCL)
            | ControlFlags.CREAD
            | ControlFlags.CLOCAL
            | ControlFlags.BOTHER
            | ControlFlags.IBOTHER
            | DataBitsFlag(settings.DataBits);
        control |= settings.Parity switch
        {
            Parity.Odd => ControlFlags.PARENB | ControlFlags.PARODD,
            Parity.Even => ControlFlags.PARENB,
            _ => ControlFlags.None,
        };
        if (settings.StopBits == StopBits.Two)
        {
            control |= ControlFlags.CSTOPB;
        }

        if (settings.FlowControl == FlowControl.RtsCts)
        {
            control |= ControlFlags.CRTSCTS;
        }

        termios.ControlFlags = control;
        termios.InputSpeed = (uint)settings.BaudRate;
        termios.OutputSpeed = (uint)settings.BaudRate;

        // VMIN=1, VTIME=0. With VMIN=0 and VTIME=0 n_tty's read returns 0 on an empty queue even with
        // O_NONBLOCK, which is indistinguishable from a hang-up; with VMIN=1 it returns EAGAIN (termios(3)).
        termios.ControlCharacters[(int)ControlCharacter.VMIN] = 1;
        termios.ControlCharacters[(int)ControlCharacter.VTIME] = 0;
    }

    /// <summary>What the kernel reports; the speed is c_ospeed, which the kernel fills for every CBAUD value.</summary>
    public static SerialPortSettings Decode(in Termios2 termios)
    {
        var control = termios.ControlFlags;
        var dataBits = (control & ControlFlags.CSIZE) switch
        {
            ControlFlags.CS5 => 5,
            ControlFlags.CS6 => 6,
            ControlFlags.CS7 => 7,
            _ => 8,
        };
        var parity = (control & (ControlFlags.PARENB | ControlFlags.PARODD)) switch
        {
            ControlFlags.PARENB | ControlFlags.PARODD => Parity.Odd,
            ControlFlags.PARENB => Parity.Even,
            _ => Parity.None,
        };
        var stopBits = (control & ControlFlags.CSTOPB) != 0 ? StopBits.Two : StopBits.One;
        var flowControl = (control & ControlFlags.CRTSCTS) != 0
            ? FlowControl.RtsCts
            : (termios.InputFlags & (InputFlags.IXON | InputFlags.IXOFF)) != 0
                ? FlowControl.XonXoff
                : FlowControl.None;
        return new SerialPortSettings((int)termios.OutputSpeed, dataBits, parity, stopBits, flowControl);
    }

    private static ControlFlags DataBitsFlag(int dataBits) => dataBits switch
    {
        5 => ControlFlags.CS5,
        6 => ControlFlags.CS6,
        7 => ControlFlags.CS7,
        _ => ControlFlags.CS8,
    };
}
