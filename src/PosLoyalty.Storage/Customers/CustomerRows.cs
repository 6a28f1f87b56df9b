using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>The one place that maps a customers row to the domain type.</summary>
internal static class CustomerRows
{
    public const string Columns =
        "id, display_name, greeting, birthday, anniversary, phone, email, consent_marketing, consent_changed_at, referred_by, enrolled_at, points_balance, visit_count, last_visit_at, last_birthday_reward_at";

    public static Customer Read(SqliteDataReader r) => new()
    {
        Id = new CustomerId(r.GetInt64(0)),
        DisplayName = r.GetString(1),
        Greeting = Sql.StringOrNull(r, 2),
        Birthday = r.IsDBNull(3) ? null : MonthDay.Parse(r.GetString(3)),
        Anniversary = r.IsDBNull(4) ? null : MonthDay.Parse(r.GetString(4)),
        Phone = Sql.StringOrNull(r, 5),
        Email = Sql.StringOrNull(r, 6),
        Consent = new MarketingConsent(r.GetInt64(7) != 0, Sql.ParseTimeOrNull(r, 8)),
        ReferredBy = r.IsDBNull(9) ? null : new CustomerId(r.GetInt64(9)),
        EnrolledAt = Sql.ParseTime(r.GetString(10)),
    };

    /// <summary>The customer a record now belongs to: ledger rows and stamp rows are append-only and keep the id of a customer later merged away.</summary>
    public static long Live(SqliteConnection c, SqliteTransaction? tx, long id)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            var next = Sql.Scalar<long?>(c, tx, "SELECT merged_into FROM customers WHERE id = $id", ("$id", id));
            if (next is null)
            {
                return id;
            }

            id = next.Value;
        }

        return id;
    }

    /// <summary>The live row (not erased, not merged away) or null.</summary>
    public static (Customer Customer, long Balance, int Visits, DateTimeOffset? LastVisitAt, DateTimeOffset? LastBirthdayRewardAt)? Load(SqliteConnection c, SqliteTransaction? tx, CustomerId id)
    {
        using var cmd = Sql.Command(c, tx, $"SELECT {Columns} FROM customers WHERE id = $id AND erased_at IS NULL AND merged_into IS NULL", ("$id", id.Value));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        return (Read(r), r.GetInt64(11), (int)r.GetInt64(12), Sql.ParseTimeOrNull(r, 13), Sql.ParseTimeOrNull(r, 14));
    }
}
