namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>What one byte did to a variable-length sequence (tab stops, a terminated barcode).</summary>
internal enum SequenceStep : byte
{
    /// <summary>The byte belongs to the sequence; more may follow.</summary>
    Continue,

    /// <summary>The byte ended the sequence (a terminator, or the last one allowed) and is used up.</summary>
    Ended,

    /// <summary>The sequence ended before this byte, which is processed again as itself.</summary>
    EndedBefore,
}
