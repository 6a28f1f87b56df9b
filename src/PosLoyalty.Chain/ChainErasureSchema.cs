using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// The migration step that makes an erasure erase on PostgreSQL too (docs/adr/0018-erasure-on-postgresql-by-trigger.md). The till role may not UPDATE
/// events, and still may not: two triggers do the redaction, and the one that rewrites stored rows is a SECURITY
/// DEFINER trigger function owned by the schema's owner. A trigger function cannot be called by itself, so its power
/// is exactly this: when an erasure is inserted, strip that customer's earlier events of the person's fields.
/// </summary>
public static class ChainErasureSchema
{
    private static readonly string Kinds = string.Join(", ", ChainErasureFields.Kinds.Select(k => $"'{k}'"));

    private static readonly string Fields = string.Join(", ", ChainErasureFields.Personal.Select(f => $"'{f}'"));

    /// <summary>
    /// redact_personal: the fields an erasure strips, as the till strips them from its outbox. erase_customer_events:
    /// after an erasure is inserted, every earlier event of that customer loses them. redact_after_erasure: an event
    /// about a customer already erased (pushed late by a till that was offline) is stored without them. The two take
    /// the customer's advisory lock (exclusive for the erasure, shared for the rest) so an erasure and an event pushed
    /// at the same moment cannot miss each other. The erasure also deletes the person's card claims and conflicts
    /// (step 3), and a claim or conflict pushed late for an erased customer is not stored.
    /// </summary>
    public static string Step { get; } =
        $$"""
        CREATE FUNCTION redact_personal(event_kind text, payload jsonb) RETURNS jsonb
            LANGUAGE sql IMMUTABLE
            AS $$ SELECT CASE WHEN event_kind IN ({{Kinds}})
                THEN (payload - ARRAY[{{Fields}}]::text[]) || '{"{{ChainErasureFields.RedactedKey}}": true}'::jsonb
                ELSE payload END $$;

        CREATE FUNCTION erase_customer_events() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
            AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtextextended(NEW.customer::text, 0));
                UPDATE events SET payload = redact_personal(kind, payload)
                WHERE customer = NEW.customer AND kind IN ({{Kinds}}) AND NOT payload ? '{{ChainErasureFields.RedactedKey}}';
                -- The card numbers the person held, and the conflicts they were part of, go with them.
                DELETE FROM card_conflicts WHERE holder = NEW.customer OR claimant = NEW.customer;
                DELETE FROM cards WHERE customer = NEW.customer;
                RETURN NULL;
            END $$;
        REVOKE ALL ON FUNCTION erase_customer_events() FROM PUBLIC;
        CREATE TRIGGER events_erasure AFTER INSERT ON events
            FOR EACH ROW WHEN (NEW.kind = '{{ChainEventKinds.CustomerErased}}' AND NEW.customer IS NOT NULL)
            EXECUTE FUNCTION erase_customer_events();

        CREATE FUNCTION redact_after_erasure() RETURNS trigger
            LANGUAGE plpgsql SET search_path = public, pg_temp
            AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared(hashtextextended(NEW.customer::text, 0));
                IF EXISTS (SELECT 1 FROM events WHERE customer = NEW.customer AND kind = '{{ChainEventKinds.CustomerErased}}') THEN
                    NEW.payload := redact_personal(NEW.kind, NEW.payload);
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER events_after_erasure BEFORE INSERT ON events
            FOR EACH ROW WHEN (NEW.customer IS NOT NULL AND NEW.kind IN ({{Kinds}}))
            EXECUTE FUNCTION redact_after_erasure();

        CREATE FUNCTION refuse_claim_after_erasure() RETURNS trigger
            LANGUAGE plpgsql SET search_path = public, pg_temp
            AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM events WHERE customer IN (NEW.customer) AND kind = '{{ChainEventKinds.CustomerErased}}') THEN
                    RETURN NULL;
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER cards_after_erasure BEFORE INSERT ON cards
            FOR EACH ROW EXECUTE FUNCTION refuse_claim_after_erasure();

        CREATE FUNCTION refuse_conflict_after_erasure() RETURNS trigger
            LANGUAGE plpgsql SET search_path = public, pg_temp
            AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM events WHERE customer IN (NEW.holder, NEW.claimant) AND kind = '{{ChainEventKinds.CustomerErased}}') THEN
                    RETURN NULL;
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER card_conflicts_after_erasure BEFORE INSERT ON card_conflicts
            FOR EACH ROW EXECUTE FUNCTION refuse_conflict_after_erasure();
        """;
}
