namespace PosLoyalty.Storage.Reports;

/// <summary>
/// Sales counted by the till's local weekday and hour: <see cref="Counts"/>[(int)DayOfWeek, hour].
/// Unclaimed receipts count: this is the shop's traffic, not only the members'.
/// </summary>
public sealed record VisitPattern(DateTimeOffset From, DateTimeOffset To, long[,] Counts)
{
    public long Total
    {
        get
        {
            long sum = 0;
            foreach (var n in Counts)
            {
                sum += n;
            }

            return sum;
        }
    }

    public long OnDay(DayOfWeek day)
    {
        long sum = 0;
        for (var h = 0; h < 24; h++)
        {
            sum += Counts[(int)day, h];
        }

        return sum;
    }

    public long AtHour(int hour)
    {
        long sum = 0;
        for (var d = 0; d < 7; d++)
        {
            sum += Counts[d, hour];
        }

        return sum;
    }
}
