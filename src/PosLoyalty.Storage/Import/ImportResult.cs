namespace PosLoyalty.Storage.Import;

/// <summary>
/// The outcome of an import. With any <see cref="Errors"/> nothing was written (<see cref="Imported"/> is 0);
/// with <see cref="DryRun"/> the rows were checked and nothing was written either.
/// </summary>
public sealed record ImportResult(int Rows, int Imported, long OpeningPoints, int Notes, bool DryRun, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
