using PartyMode.Engine;

namespace PartyMode.Tests.Engine;

/// <summary>Keeps every notice a store committed, in order.</summary>
internal sealed class NoticeRecorder
{
    private readonly List<Notice> _notices = [];

    /// <summary>A copy of the notices so far.</summary>
    public IReadOnlyList<Notice> Notices
    {
        get
        {
            lock (_notices)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>The notices of one type.</summary>
    /// <typeparam name="T">The notice type.</typeparam>
    /// <returns>Those notices, in order.</returns>
    public IReadOnlyList<T> Of<T>()
        where T : Notice => Notices.OfType<T>().ToList();

    public void Publish(IReadOnlyList<Notice> notices)
    {
        lock (_notices)
        {
            _notices.AddRange(notices);
        }
    }

    public void Clear()
    {
        lock (_notices)
        {
            _notices.Clear();
        }
    }
}
