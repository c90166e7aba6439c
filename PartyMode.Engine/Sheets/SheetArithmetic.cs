using PartyMode.Engine.Model;

namespace PartyMode.Engine.Sheets;

/// <summary>
/// The 5e arithmetic of sheet ops (docs/protocol.md §8.2) on a working copy of a sheet: temporary HP absorb
/// damage first, HP stays within 0…max, slots and hit dice within 0…max. A refused op throws <c>bad_change</c>
/// and the caller drops the copy, so a request is all-or-nothing.
/// </summary>
internal static class SheetArithmetic
{
    /// <summary>Applies one op to <paramref name="c"/>.</summary>
    /// <returns>The sheet after the op (the same copy, or a new one for <c>set</c>) and its sentence.</returns>
    public static (Character Sheet, string Summary) Apply(Character c, SheetOp op) => op.Op switch
    {
        "damage" => (c, Damage(c, op.Amount!.Value)),
        "heal" => (c, Heal(c, op.Amount!.Value)),
        "temp_hp" => (c, TempHp(c, op.Value!.GetValue<int>())),
        "spend_slot" => (c, Slot(c, op.Level!.Value, spend: true)),
        "recover_slot" => (c, Slot(c, op.Level!.Value, spend: false)),
        "spend_hit_die" => (c, SpendHitDie(c)),
        "death_save" => (c, DeathSave(c, op.Success!.Value)),
        "set" => SheetSet.Apply(c, op.Field!, op.Value),
        _ => throw Bad($"'{op.Op}' is not a sheet op."),
    };

    private static string Damage(Character c, int amount)
    {
        var before = c.Hp;
        var absorbed = Math.Min(c.TempHp, amount);
        c.TempHp -= absorbed;
        c.Hp = Math.Max(0, c.Hp - (amount - absorbed));
        var text = absorbed > 0
            ? $"{c.Name} took {amount} damage ({absorbed} absorbed by temporary HP; {before} → {c.Hp})"
            : $"{c.Name} took {amount} damage ({before} → {c.Hp})";
        // 5e: damage taken at 0 HP is a death save failure.
        if (before == 0 && amount > absorbed)
        {
            var saves = c.DeathSaves ??= new DeathSaves();
            saves.Failures = Math.Min(3, saves.Failures + 1);
            text += $"; a death save failure ({saves.Failures} of 3)";
        }

        return text;
    }

    private static string Heal(Character c, int amount)
    {
        var before = c.Hp;
        c.Hp = Math.Min(c.MaxHp, c.Hp + amount);
        // 5e: regaining any HP at 0 ends the dying: the death saves reset.
        if (before == 0 && c.Hp > 0 && c.DeathSaves is { } saves)
        {
            saves.Successes = 0;
            saves.Failures = 0;
        }

        return $"{c.Name} regained {c.Hp - before} HP ({before} → {c.Hp})";
    }

    private static string TempHp(Character c, int value)
    {
        var before = c.TempHp;
        c.TempHp = value;
        return $"{c.Name}'s temporary HP set to {value} (was {before})";
    }

    private static string Slot(Character c, int level, bool spend)
    {
        var key = level.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!c.SpellSlots.TryGetValue(key, out var slot) || slot.Max == 0)
        {
            var levels = c.SpellSlots.Where(s => s.Value.Max > 0).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            throw Bad(levels.Count == 0
                ? $"{c.Name}'s sheet has no spell slots."
                : $"{c.Name}'s sheet has no level {level} spell slots (levels: {string.Join(", ", levels)}).");
        }

        if (spend)
        {
            if (slot.Used >= slot.Max)
            {
                throw Bad($"{c.Name} has no level {level} spell slot left ({slot.Used} of {slot.Max} used); a long rest recovers them.");
            }

            slot.Used++;
            return $"{c.Name} spent a level {level} spell slot ({slot.Max - slot.Used} of {slot.Max} left)";
        }

        if (slot.Used == 0)
        {
            throw Bad($"None of {c.Name}'s level {level} spell slots is spent ({slot.Max} of {slot.Max} left).");
        }

        slot.Used--;
        return $"{c.Name} recovered a level {level} spell slot ({slot.Max - slot.Used} of {slot.Max} left)";
    }

    private static string SpendHitDie(Character c)
    {
        var dice = c.HitDice ?? throw Bad($"{c.Name}'s sheet has no hit dice.");
        if (dice.Used >= dice.Total)
        {
            throw Bad($"{c.Name} has no hit dice left ({dice.Used} of {dice.Total} spent); a long rest recovers half of them.");
        }

        dice.Used++;
        return $"{c.Name} spent a hit die ({dice.Die}; {dice.Total - dice.Used} of {dice.Total} left)";
    }

    private static string DeathSave(Character c, bool success)
    {
        if (c.Hp > 0)
        {
            throw Bad($"Death saves are rolled at 0 HP; {c.Name} has {c.Hp}.");
        }

        var saves = c.DeathSaves ??= new DeathSaves();
        if (saves.Successes >= 3 || saves.Failures >= 3)
        {
            throw Bad($"{c.Name}'s death saves are over ({saves.Successes} successes, {saves.Failures} failures); heal or reset them.");
        }

        if (success)
        {
            saves.Successes++;
            return saves.Successes == 3
                ? $"{c.Name} succeeded on a death save (3 of 3): stable"
                : $"{c.Name} succeeded on a death save ({saves.Successes} of 3)";
        }

        saves.Failures++;
        return saves.Failures == 3
            ? $"{c.Name} failed a death save (3 of 3): dead"
            : $"{c.Name} failed a death save ({saves.Failures} of 3)";
    }

    internal static GameException Bad(string message) => GameException.BadRequest("bad_change", message);
}
