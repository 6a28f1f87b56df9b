namespace PosLoyalty.Storage.Import;

/// <summary>One thing wrong with one row: the file's line number, the column, and what is wrong.</summary>
public sealed record ImportRowError(int Line, string Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
