namespace PosLoyalty.Domain.Receipts;

/// <summary>How a date such as 03/04/2026 is read. Year-first dates (2026-04-03, 2026.04.03.) are always year, month, day.</summary>
public enum DateOrder
{
    /// <summary>03/04/2026 is 3 April (most of Europe).</summary>
    DayMonthYear,

    /// <summary>03/04/2026 is 4 March (United States).</summary>
    MonthDayYear,
}
