using PartyMode.Engine.Actions;

namespace PartyMode.Engine.Table;

/// <summary>The actions waiting for the DM, in queue-key order, and a signal for those waiting for one.</summary>
internal sealed class PendingActions
{
    private readonly SortedDictionary<long, GameAction> _byKey = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when an action is next added.</summary>
    public Task Arrived => _signal.Task;

    public void Add(GameAction action) => _byKey[action.QueueKey] = action;

    public void Remove(GameAction action) => _byKey.Remove(action.QueueKey);

    public GameAction? TakeFirst()
    {
        if (_byKey.Count == 0)
        {
            return null;
        }

        var first = _byKey.First();
        _byKey.Remove(first.Key);
        return first.Value;
    }

    /// <summary>Wakes those waiting in <see cref="Arrived"/>.</summary>
    public void Signal()
    {
        var previous = _signal;
        _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
