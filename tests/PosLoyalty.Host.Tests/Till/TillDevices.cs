namespace PosLoyalty.Host.Tests.Till;

/// <summary>Which of a till's devices a <see cref="TillRig"/> plays: each one it has is configured and waited for.</summary>
[Flags]
internal enum TillDevices
{
    /// <summary>The barcode scanner on a pseudo-terminal, behind a udev-style symlink.</summary>
    Scanner = 1,

    /// <summary>The POS's printer port on a pseudo-terminal, in front of the receipt tap.</summary>
    Pos = 2,

    /// <summary>The receipt printer: a fake TCP printer on 127.0.0.1, or the device string the test gives.</summary>
    Printer = 4,

    All = Scanner | Pos | Printer,
}
