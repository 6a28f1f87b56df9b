using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Storage.Security;

/// <summary>What needs the manager PIN: setting it, and adjusting points by hand. All audited.</summary>
public sealed class ManagerActions(LoyaltyDatabase database, TimeProvider time)
{
    /// <summary>Sets the PIN; changing an existing one needs the current one.</summary>
    public void SetPin(string newPin, string? currentPin)
    {
        ManagerPin.Validate(newPin);
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var stored = ManagerPin.Read(c, tx);
        if (stored is not null && (currentPin is null || !ManagerPin.Verify(currentPin, stored)))
        {
            Audit.Write(c, tx, now, "pin-change", null, "current PIN missing or wrong", allowed: false);
            tx.Commit();
            throw new PinRefusedException("the current manager PIN is missing or wrong (--current-pin)");
        }

        ManagerPin.Write(c, tx, ManagerPin.Hash(newPin));
        Audit.Write(c, tx, now, "pin-change", null, stored is null ? "PIN set" : "PIN changed", allowed: true);
        tx.Commit();
    }

    /// <summary>Adds (or with a negative number takes) points, with a reason, under the manager PIN.</summary>
    public Points AdjustPoints(CustomerId customer, Points delta, string reason, string? pin)
    {
        var why = reason?.Trim() ?? string.Empty;
        if (why.Length is < 3 or > 200)
        {
            throw new DomainValidationException("a reason of 3 to 200 characters is required for a manual adjustment");
        }

        if (delta.Value == 0 || Math.Abs(delta.Value) > 1_000_000)
        {
            throw new DomainValidationException($"points {delta} must be non-zero and at most 1000000 either way");
        }

        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var row = CustomerRows.Load(c, tx, customer) ?? throw new NotFoundException($"customer {customer} does not exist");
        var stored = ManagerPin.Read(c, tx);
        var detail = $"points {delta.Value:+#;-#;0}: {why}";
        if (stored is null || pin is null || !ManagerPin.Verify(pin, stored))
        {
            Audit.Write(c, tx, now, "points-adjust", customer, detail, allowed: false);
            tx.Commit(); // the refusal itself is on record
            throw new PinRefusedException(stored is null
                ? "no manager PIN is set: set one with 'posloyalty manager set-pin' first"
                : "manager PIN is missing or wrong: the attempt was recorded in the audit log");
        }

        SaleRecorder.AddLedger(c, tx, customer, null, delta, LedgerReason.Adjustment, Sql.Time(now));
        Sql.Execute(c, tx, "UPDATE customers SET points_balance = points_balance + $d WHERE id = $id", ("$d", delta.Value), ("$id", customer.Value));
        Audit.Write(c, tx, now, "points-adjust", customer, detail, allowed: true);
        OutboxWriter.PointsAdjusted(c, tx, customer, delta, now);
        tx.Commit();
        return new Points(row.Balance) + delta;
    }
}
