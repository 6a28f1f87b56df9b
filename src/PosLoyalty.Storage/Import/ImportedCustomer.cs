using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Import;

/// <summary>One checked row, ready to insert.</summary>
internal sealed record ImportedCustomer(
    int Line,
    string Name,
    CardNumber Card,
    MonthDay? Birthday,
    string? Phone,
    string? Email,
    bool Consent,
    long OpeningPoints,
    string? Note);
