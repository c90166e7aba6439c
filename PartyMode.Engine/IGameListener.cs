namespace PartyMode.Engine;

/// <summary>Receives notices on the store's writer thread, in commit order. Must not block.</summary>
public interface IGameListener
{
    /// <summary>Called once per committed change with what viewers must be told.</summary>
    /// <param name="notices">The notices, in order.</param>
    void Publish(IReadOnlyList<Notice> notices);
}
