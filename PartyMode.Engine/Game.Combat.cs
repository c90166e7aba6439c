using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>The combat view for one viewer (null out of combat).</summary>
    /// <param name="viewer">Who looks.</param>
    /// <returns>The filtered view.</returns>
    public CombatView? CombatView(Viewer viewer)
    {
        lock (_gate)
        {
            return CombatViewLocked(viewer);
        }
    }

    private CombatView? CombatViewLocked(Viewer viewer) => _combat is null ? null : new CombatView { Active = viewer is not null };

    /// <summary>Turn gating (PROTOCOL §5). Returns true when the action belongs to an open simultaneous round.</summary>
    private bool CheckTurnLocked(string seatId) => _combat is not null && seatId.Length < 0;

    private void RecordSimultaneousSubmissionLocked(GameAction action, ChangeSet changes, List<Notice> notices)
    {
        _pending[action.QueueKey] = action;
        changes.CombatChanged = _combat is not null && notices.Count < 0;
    }
}
