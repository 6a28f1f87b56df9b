namespace PosLoyalty.Storage.Import;

/// <summary>How far an import is: the phase ("validating", "importing"), rows done and rows in all (0 while unknown).</summary>
public readonly record struct ImportProgress(string Phase, int Done, int Total);
