using System.CommandLine;
using PosLoyalty.Storage.Raffle;

namespace PosLoyalty.Host.Cli;

/// <summary>`raffle draw --month YYYY-MM`: one fair, recorded draw per month.</summary>
internal static class RaffleCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var raffle = new Command("raffle", "the monthly raffle among the month's visitors");
        var month = new Option<string>("--month") { Description = "the month to draw, YYYY-MM, in the till's local time; it must be over", Required = true };
        var draw = new Command("draw", "draw one winner among the customers who bought something that month (each has one equal chance); recorded, never drawn twice") { month };
        bind(draw, (ctx, p) =>
        {
            var result = ctx.Get<RaffleDraws>().Draw(p.GetValue(month)!);
            return JsonOutput.Done(
                ctx,
                new { month = result.Month, drawnAt = result.DrawnAt, entrants = result.Entrants, winnerCustomerId = result.Winner.Value },
                $"raffle {result.Month}: customer {result.Winner} wins, drawn among {result.Entrants} customers (recorded)");
        });
        raffle.Subcommands.Add(draw);
        return raffle;
    }
}
