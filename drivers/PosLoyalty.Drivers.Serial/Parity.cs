namespace PosLoyalty.Drivers.Serial;

/// <summary>Parity bit, set through PARENB/PARODD in c_cflag (termios(3)).</summary>
public enum Parity
{
    None,
    Odd,
    Even,
}
