namespace PosLoyalty.Service.Tap;

/// <summary>Where the POS's receipt bytes come from (config key ReceiptTap:Input).</summary>
public enum TapInputKind
{
    /// <summary>A serial port the POS prints to (null-modem cable): read, and printer replies written back.</summary>
    Serial,

    /// <summary>tcp://HOST:PORT: the tap listens; the POS connects as if to the printer's port 9100, often once per job.</summary>
    TcpListen,

    /// <summary>/dev/g_printer*: a Linux USB printer gadget (the Pi presents itself to the POS PC as a USB printer); read and written.</summary>
    PrinterGadget,

    /// <summary>A FIFO or a capture file: read only, nothing can be sent back to the POS.</summary>
    File,
}
