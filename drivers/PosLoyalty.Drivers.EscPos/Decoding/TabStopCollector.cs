namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// ESC D n1…nk NUL, the same in ESC/POS and Star Line Mode: tab columns in ascending order, ended by NUL, by
/// the 32nd column, or by a column not greater than the one before (Epson: that byte is then processed as
/// normal data). The columns go to the <see cref="ReceiptAssembler"/> when the list ends.
/// </summary>
internal sealed class TabStopCollector
{
    private const int MaxTabStops = 32;

    private readonly ReceiptAssembler _assembler;
    private readonly byte[] _columns = new byte[MaxTabStops];
    private int _count;

    public TabStopCollector(ReceiptAssembler assembler)
    {
        _assembler = assembler;
    }

    /// <summary>ESC D has been read: an empty list starts.</summary>
    public void Begin() => _count = 0;

    public SequenceStep Consume(byte b)
    {
        if (b == 0)
        {
            Finish();
            return SequenceStep.Ended;
        }

        if (_count > 0 && b <= _columns[_count - 1])
        {
            Finish();
            return SequenceStep.EndedBefore;
        }

        _columns[_count++] = b;
        if (_count == MaxTabStops)
        {
            Finish();
            return SequenceStep.Ended;
        }

        return SequenceStep.Continue;
    }

    private void Finish() => _assembler.SetTabStops(_columns.AsSpan(0, _count));
}
