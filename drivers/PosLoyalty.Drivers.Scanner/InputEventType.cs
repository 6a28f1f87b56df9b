namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// <c>input_event.type</c> values, from include/uapi/linux/input-event-codes.h
/// (Documentation/input/event-codes.rst).
/// </summary>
internal enum InputEventType : ushort
{
    /// <summary>EV_SYN: separates reports; carries no key.</summary>
    Sync = 0x00,

    /// <summary>EV_KEY: value 0 release, 1 press, 2 autorepeat.</summary>
    Key = 0x01,

    /// <summary>EV_MSC: MSC_SCAN carries the HID usage before each key event; ignored.</summary>
    Misc = 0x04,
}
