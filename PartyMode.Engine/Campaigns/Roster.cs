using PartyMode.Engine.Model;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Campaigns;

/// <summary>The party roster as each role may see it, built from the table's sheets.</summary>
internal sealed class Roster(TableState table)
{
    public IReadOnlyList<PartyMember> For(Viewer viewer) =>
        table.CharacterOrder.Select(id => Line(viewer, table.Characters[id])).ToList();

    /// <summary>A <c>party_update</c> built now, from the state this transaction commits.</summary>
    public void Notify(Transaction tx) => tx.Notify(new PartyNotice(For(Viewer.Dm), For(Viewer.Observer)));

    private static PartyMember Line(Viewer viewer, Character c)
    {
        var line = new PartyMember { Id = c.Id, Name = c.Name };
        if (viewer.Role != Role.Observer)
        {
            line.Class = c.Class;
            line.Level = c.Level;
            line.Hp = c.Hp;
            line.MaxHp = c.MaxHp;
            line.Ac = c.Ac;
            line.Conditions = [.. c.Conditions];
        }

        return line;
    }
}
