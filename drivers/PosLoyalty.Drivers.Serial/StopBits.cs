namespace PosLoyalty.Drivers.Serial;

/// <summary>Stop bits, set through CSTOPB in c_cflag (termios(3)).</summary>
public enum StopBits
{
    One,
    Two,
}
