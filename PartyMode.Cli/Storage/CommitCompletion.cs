using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>How a commit batch's waiting requests resume when they must not resume on the writer thread.</summary>
internal static class CommitCompletion
{
    /// <summary>Completes a batch's tasks in one thread-pool work item, so their requests resume off the writer thread.</summary>
    public static void OnPool(List<(ChangeSet Changes, TaskCompletionSource Done)> batch, Exception? error)
    {
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                foreach (var (_, done) in state.Batch)
                {
                    if (state.Error is null)
                    {
                        done.TrySetResult();
                    }
                    else
                    {
                        done.TrySetException(state.Error);
                    }
                }
            },
            (Batch: batch.ToArray(), Error: error),
            preferLocal: false);
    }
}
