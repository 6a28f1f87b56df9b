namespace PosLoyalty.Service.Tap;

/// <summary>Where the pump writes the bytes of a <see cref="CutInsertion"/>.</summary>
public enum CutInsertionPlace
{
    /// <summary>Nothing to add: the cut goes out as the POS sent it.</summary>
    None,

    /// <summary>In front of the cut command, at the foot of the receipt (no ESC @, no cut of their own).</summary>
    BeforeCut,

    /// <summary>A slip of its own (ESC @ … cut), once the POS's cut is queued and no POS receipt is open on the printer.</summary>
    SlipAfterCut,
}
