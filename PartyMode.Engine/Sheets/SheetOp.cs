using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PartyMode.Engine.Sheets;

/// <summary>One operation on a sheet (docs/protocol.md §8.2), e.g. <c>{"op":"damage","amount":7}</c>.</summary>
public sealed class SheetOp
{
    /// <summary><c>damage</c>, <c>heal</c>, <c>temp_hp</c>, <c>spend_slot</c>, <c>recover_slot</c>, <c>spend_hit_die</c>, <c>death_save</c>, <c>set</c>, or (events only) <c>rest</c>.</summary>
    public string Op { get; set; } = "";

    /// <summary>Damage or healing, 0 or more.</summary>
    public int? Amount { get; set; }

    /// <summary>The spell level of a slot op (1 to 9).</summary>
    public int? Level { get; set; }

    /// <summary>A death save's outcome.</summary>
    public bool? Success { get; set; }

    /// <summary>The field a <c>set</c> changes.</summary>
    public string? Field { get; set; }

    /// <summary>The new value of <c>temp_hp</c> or of a <c>set</c> field (as PATCH would set it).</summary>
    public JsonNode? Value { get; set; }

    /// <summary>A rest's kind, <c>short</c> or <c>long</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The sheet field the op changes, for the policy.</summary>
    [JsonIgnore]
    public string PolicyField => Op switch
    {
        "damage" or "heal" => "hp",
        "temp_hp" => "temp_hp",
        "spend_slot" or "recover_slot" => "spell_slots",
        "spend_hit_die" => "hit_dice",
        "death_save" => "death_saves",
        _ => Field ?? "",
    };

    /// <summary>True for a change of the DM's notes, which only the DM's copy of the story may carry.</summary>
    [JsonIgnore]
    public bool IsDmNotes => Op == "set" && Field == "dm_notes";
}
