using System.CommandLine;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Privacy;
using PosLoyalty.Storage.Reports;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Host.Cli;

/// <summary>`customers add|show|find|note|edit|adjust|export|erase|merge`.</summary>
internal static class CustomersCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var customers = new Command("customers", "enrol, look up and look after customers");
        customers.Subcommands.Add(Add(bind));
        customers.Subcommands.Add(Show(bind));
        customers.Subcommands.Add(Find(bind));
        customers.Subcommands.Add(Note(bind));
        customers.Subcommands.Add(Edit(bind));
        customers.Subcommands.Add(Adjust(bind));
        customers.Subcommands.Add(Export(bind));
        customers.Subcommands.Add(Erase(bind));
        customers.Subcommands.Add(Merge(bind));
        return customers;
    }

    private static Argument<string> Who() => new("CARD|ID") { Description = "a card number, or the customer id" };

    private static Command Add(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var card = new Option<string>("--card") { Description = "the loyalty card number", Required = true };
        var name = new Option<string>("--name") { Description = "the name (the only thing required)", Required = true };
        var greeting = new Option<string?>("--greeting") { Description = "how they like to be addressed, e.g. \"Mr Rossi\"" };
        var birthday = new Option<string?>("--birthday") { Description = "day and month, MM-DD (never the year)" };
        var anniversary = new Option<string?>("--anniversary") { Description = "MM-DD" };
        var phone = new Option<string?>("--phone");
        var email = new Option<string?>("--email");
        var consent = new Option<bool>("--consent-marketing") { Description = "the customer agrees to be contacted" };
        var referredBy = new Option<string?>("--referred-by") { Description = "card of the customer who referred them" };
        var command = new Command("add", "enrol a customer with a card") { card, name, greeting, birthday, anniversary, phone, email, consent, referredBy };
        bind(command, (ctx, p) =>
        {
            var input = new NewCustomer(
                Parse.Card("--card", p.GetValue(card)),
                p.GetValue(name)!,
                p.GetValue(greeting),
                Parse.MonthDayOrNull("--birthday", p.GetValue(birthday)),
                Parse.MonthDayOrNull("--anniversary", p.GetValue(anniversary)),
                p.GetValue(phone),
                p.GetValue(email),
                p.GetValue(consent),
                p.GetValue(referredBy) is { } r ? Parse.Card("--referred-by", r) : null);
            var repo = ctx.Get<CustomerRepository>();
            var id = repo.Enrol(input);
            return Print(ctx, repo.GetProfile(id));
        });
        return command;
    }

    private static Command Show(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var command = new Command("show", "a customer's profile, points, stamps and coupons") { who };
        bind(command, (ctx, p) =>
        {
            var repo = ctx.Get<CustomerRepository>();
            return Print(ctx, repo.GetProfile(repo.Resolve(p.GetValue(who)!)));
        });
        return command;
    }

    private static Command Find(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var text = new Argument<string>("TEXT") { Description = "part of a name or greeting, a phone number or a card number" };
        var command = new Command("find", "find customers without their card") { text };
        bind(command, (ctx, p) =>
        {
            var hits = ctx.Get<CustomerRepository>().Find(p.GetValue(text)!);
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, hits.Select(h => new { customerId = h.Id.Value, name = h.Name, greeting = h.Greeting, card = h.Card, phone = h.Phone, lastVisitAt = h.LastVisitAt }));
            }
            else
            {
                foreach (var h in hits)
                {
                    ctx.Output.WriteLine($"{h.Id,8}  {h.Name,-30} {h.Card ?? "-",-10} {h.Phone ?? string.Empty}");
                }

                ctx.Output.WriteLine($"{hits.Count} found");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Note(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var text = new Argument<string>("TEXT") { Description = "what to remember, e.g. \"ask about the daughter's graduation\"" };
        var pin = new Option<bool>("--pin", "--pinned") { Description = "pin the note so it shows first at the counter" };
        var followUp = new Option<bool>("--follow-up") { Description = "flag it for follow-up (complaints, promises)" };
        var complaint = new Option<bool>("--complaint") { Description = "it is a complaint: on `report followups` until resolved (same as --kind complaint)" };
        var kind = new Option<string?>("--kind") { Description = "note (default), complaint or feedback" };
        var command = new Command("note", "add a note to a customer") { who, text, pin, followUp, complaint, kind };
        bind(command, (ctx, p) =>
        {
            var repo = ctx.Get<CustomerRepository>();
            var id = repo.Resolve(p.GetValue(who)!);
            var noteKind = p.GetValue(kind)?.Trim().ToLowerInvariant();
            if (p.GetValue(complaint) && noteKind is not (null or "complaint"))
            {
                throw new CliException($"--complaint and --kind {noteKind} disagree: give one");
            }

            repo.AddNote(id, p.GetValue(text)!, p.GetValue(pin), p.GetValue(followUp), p.GetValue(complaint) ? "complaint" : noteKind ?? "note");
            return Print(ctx, repo.GetProfile(id));
        });
        return command;
    }

    private static Command Edit(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var name = new Option<string?>("--name");
        var greeting = new Option<string?>("--greeting");
        var birthday = new Option<string?>("--birthday") { Description = "MM-DD" };
        var anniversary = new Option<string?>("--anniversary") { Description = "MM-DD" };
        var phone = new Option<string?>("--phone");
        var email = new Option<string?>("--email");
        var consent = new Option<string?>("--consent-marketing") { Description = "true or false; withdrawing takes effect at once" };
        var clear = new Option<string[]>("--clear") { Description = "empty a field: greeting, birthday, anniversary, phone, email" };
        var replaceCard = new Option<string?>("--replace-card") { Description = "a new card for a lost one; history stays, the old card stops working" };
        var command = new Command("edit", "change a customer's details or card") { who, name, greeting, birthday, anniversary, phone, email, consent, clear, replaceCard };
        bind(command, (ctx, p) =>
        {
            var edit = new CustomerEdit
            {
                Name = p.GetValue(name),
                Greeting = p.GetValue(greeting),
                Birthday = Parse.MonthDayOrNull("--birthday", p.GetValue(birthday)),
                Anniversary = Parse.MonthDayOrNull("--anniversary", p.GetValue(anniversary)),
                Phone = p.GetValue(phone),
                Email = p.GetValue(email),
                MarketingConsent = Parse.Bool("--consent-marketing", p.GetValue(consent)),
                Clear = (p.GetValue(clear) ?? []).Select(f => f.Trim().ToLowerInvariant()).ToHashSet(),
            };
            var newCard = p.GetValue(replaceCard) is { } nc ? Parse.Card("--replace-card", nc) : (CardNumber?)null;
            var repo = ctx.Get<CustomerRepository>();
            var id = repo.Resolve(p.GetValue(who)!);
            repo.Edit(id, edit);
            if (newCard is { } card)
            {
                repo.ReplaceCard(id, card);
            }

            return Print(ctx, repo.GetProfile(id));
        });
        return command;
    }

    private static Command Adjust(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var points = new Option<long>("--points") { Description = "points to add (negative to take)", Required = true };
        var reason = new Option<string>("--reason") { Description = "why, for the audit log", Required = true };
        var managerPin = new Option<string?>("--manager-pin") { Description = "the manager PIN (or env POSLOYALTY_MANAGER_PIN)" };
        var command = new Command("adjust", "adjust points by hand (manager PIN, reason, audited)") { who, points, reason, managerPin };
        bind(command, (ctx, p) =>
        {
            var repo = ctx.Get<CustomerRepository>();
            var id = repo.Resolve(p.GetValue(who)!);
            var pin = p.GetValue(managerPin) ?? Environment.GetEnvironmentVariable("POSLOYALTY_MANAGER_PIN");
            var balance = ctx.Get<ManagerActions>().AdjustPoints(id, new Points(p.GetValue(points)), p.GetValue(reason)!, pin);
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new { customerId = id.Value, pointsAdjusted = p.GetValue(points), pointsBalance = balance.Value });
            }
            else
            {
                ctx.Output.WriteLine($"customer {id}: {p.GetValue(points):+#;-#;0} points, balance {balance}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var command = new Command("export", "everything held about a customer, as JSON (subject access request)") { who };
        bind(command, (ctx, p) =>
        {
            var repo = ctx.Get<CustomerRepository>();
            var export = ctx.Get<PrivacyRequests>().Export(repo.Resolve(p.GetValue(who)!));
            JsonOutput.Write(ctx.Output, new
            {
                profile = new
                {
                    customerId = export.Profile.Id.Value,
                    name = export.Profile.DisplayName,
                    greeting = export.Profile.Greeting,
                    birthday = export.Profile.Birthday?.ToString(),
                    anniversary = export.Profile.Anniversary?.ToString(),
                    phone = export.Profile.Phone,
                    email = export.Profile.Email,
                    referredBy = export.Profile.ReferredBy?.Value,
                    enrolledAt = export.Profile.EnrolledAt,
                },
                consents = new[] { new { purpose = "marketing", given = export.Profile.Consent.Given, changedAt = export.Profile.Consent.ChangedAt } },
                cards = export.Cards.Select(c => new { card = c.Number.Value, issuedAt = c.IssuedAt, replacedAt = c.ReplacedAt }),
                notes = export.Notes.Select(n => new { text = n.Text, pinned = n.Pinned, followUp = n.FollowUp, at = n.At }),
                visits = export.Visits,
                ledger = export.Ledger,
                stampEvents = export.StampEvents,
                coupons = export.Coupons.Select(JsonOutput.Coupon),
                audit = export.Audit,
                pendingSales = export.PendingSales.Select(PendingReceiptsCommands.Json),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Erase(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var who = Who();
        var yes = new Option<bool>("--yes") { Description = "confirm: this cannot be undone" };
        var command = new Command("erase", "erase a customer's personal data (the anonymous ledger stays)") { who, yes };
        bind(command, (ctx, p) =>
        {
            if (!p.GetValue(yes))
            {
                throw new CliException("erase cannot be undone: add --yes to confirm");
            }

            var id = ctx.Get<CustomerRepository>().Resolve(p.GetValue(who)!);
            ctx.Get<PrivacyRequests>().Erase(id);
            return JsonOutput.Done(ctx, new { customerId = id.Value, erased = true }, $"customer {id}: personal data erased");
        });
        return command;
    }

    private static Command Merge(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var keep = new Argument<string>("KEEP") { Description = "card or id of the record to keep" };
        var duplicate = new Argument<string>("DUPLICATE") { Description = "card or id of the duplicate to fold in" };
        var yes = new Option<bool>("--yes") { Description = "confirm" };
        var command = new Command("merge", "fold a duplicate customer into another") { keep, duplicate, yes };
        bind(command, (ctx, p) =>
        {
            if (!p.GetValue(yes))
            {
                throw new CliException("merge cannot be undone: add --yes to confirm");
            }

            var repo = ctx.Get<CustomerRepository>();
            var keepId = repo.Resolve(p.GetValue(keep)!);
            var dupId = repo.Resolve(p.GetValue(duplicate)!);
            ctx.Get<PrivacyRequests>().Merge(keepId, dupId);
            return Print(ctx, repo.GetProfile(keepId));
        });
        return command;
    }

    private static int Print(CliContext ctx, CustomerProfile profile)
    {
        // The same definitions as `report segments` with its defaults (docs/owner-reports.md).
        var segment = ctx.Get<SegmentAnalysis>().SegmentOf(profile.Customer.Id, SegmentThresholds.Default) is { } found ? SegmentNames.Name(found) : null;
        if (ctx.Json)
        {
            JsonOutput.Write(ctx.Output, JsonOutput.Profile(profile, segment));
            return ExitCodes.Ok;
        }

        var c = profile.Customer;
        var o = ctx.Output;
        o.WriteLine($"{c.GreetingOrName}  (customer {c.Id}, {c.DisplayName})");
        o.WriteLine($"  cards: {string.Join(", ", profile.Cards.Select(k => k.Number.Masked() + (k.ReplacedAt is null ? string.Empty : " (replaced)")))}");
        o.WriteLine($"  points: {profile.Balance}   tier: {profile.Tier.Name ?? "-"}{(profile.Tier.NextTier is null ? string.Empty : $" ({profile.Tier.SpendToNextTier:0.00} to {profile.Tier.NextTier})")}");
        o.WriteLine($"  segment: {segment ?? "-"}");
        o.WriteLine($"  visits: {profile.Visits}   spend: {profile.TotalSpend:0.00}   last visit: {profile.LastVisitAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}");
        foreach (var s in profile.Stamps)
        {
            o.WriteLine($"  {s.Name}: {StampCardText.Boxes(s)}");
        }

        foreach (var n in profile.Notes)
        {
            o.WriteLine($"  {(n.Pinned ? "📌" : "-")} {n.At:yyyy-MM-dd} {n.Text}{(n.FollowUp ? " [follow up]" : string.Empty)}");
        }

        foreach (var k in profile.Coupons.Where(k => k.Status == Domain.Coupons.CouponStatus.Active))
        {
            o.WriteLine($"  coupon {k.Code.ToDisplayString()}: {k.Reward} (until {k.ExpiresAt:yyyy-MM-dd})");
        }

        return ExitCodes.Ok;
    }
}
