namespace PosLoyalty.Service.Devices;

/// <summary>How a device looks from the till, for the panel, the log and doctor.</summary>
public enum DeviceState
{
    /// <summary>Not in the configuration.</summary>
    NotConfigured,

    /// <summary>Opening, or waiting for the POS to connect.</summary>
    Waiting,

    Ok,

    /// <summary>The device path is gone or refuses to open: unplugged, or a printer switched off.</summary>
    Absent,

    PaperLow,

    PaperOut,

    Error,
}
