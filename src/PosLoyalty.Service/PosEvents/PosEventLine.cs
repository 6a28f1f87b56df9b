namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// One line read from a POS event connection: its text, or why it could not be read as text (too long,
/// not UTF-8). Lines are numbered from 1 per connection, blank ones included, so a reply's line number
/// matches what the POS sent.
/// </summary>
/// <param name="Number">The line's number on its connection, from 1.</param>
/// <param name="Text">The line without its line ending; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the line was discarded; null for a readable line.</param>
public readonly record struct PosEventLine(long Number, string? Text, string? Error);
