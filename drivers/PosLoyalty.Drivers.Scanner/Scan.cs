namespace PosLoyalty.Drivers.Scanner;

/// <summary>One decoded barcode read.</summary>
/// <param name="Code">
/// The data, with terminators, STX, the configured prefix/suffix and the AIM identifier removed.
/// Bytes map one-to-one to characters (ISO-8859-1), so a GS1 FNC1 separator stays <c>'\u001D'</c>.
/// </param>
/// <param name="Symbology">From the AIM identifier; <see cref="Symbology.Unknown"/> when the scanner sent none.</param>
/// <param name="At">When the frame's terminator arrived, from the injected <see cref="TimeProvider"/>.</param>
public sealed record Scan(string Code, Symbology Symbology, DateTimeOffset At);
