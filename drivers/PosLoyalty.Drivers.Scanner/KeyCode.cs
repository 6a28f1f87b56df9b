namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Linux key codes the wedge decoder treats specially, from include/uapi/linux/input-event-codes.h.
/// Printable keys are looked up by code in <see cref="InputEventDecoder"/>'s US-layout tables.
/// </summary>
internal enum KeyCode : ushort
{
    Tab = 15,
    Enter = 28,
    LeftCtrl = 29,
    LeftShift = 42,
    RightShift = 54,
    LeftAlt = 56,
    CapsLock = 58,
    Keypad7 = 71,
    Keypad8 = 72,
    Keypad9 = 73,
    Keypad4 = 75,
    Keypad5 = 76,
    Keypad6 = 77,
    Keypad1 = 79,
    Keypad2 = 80,
    Keypad3 = 81,
    Keypad0 = 82,
    KeypadEnter = 96,
    RightCtrl = 97,
    KeypadSlash = 98,
    RightAlt = 100,
    KeypadEqual = 117,
    KeypadComma = 121,
}
