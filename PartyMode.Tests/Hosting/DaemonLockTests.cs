using PartyMode.Cli;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Hosting;

/// <summary>The data folder's lock as the CLI sees it from outside: held or free, and by whom.</summary>
public sealed class DaemonLockTests
{
    [Test]
    public void IsHeld_WhileAcquired_TrueAndFreeAfterDispose()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path);

        Assert.That(DaemonLock.IsHeld(folder), Is.False);
        using (DaemonLock.Acquire(folder))
        {
            Assert.That(DaemonLock.IsHeld(folder), Is.True);
        }

        Assert.That(DaemonLock.IsHeld(folder), Is.False);
    }

    [Test]
    public void HolderPid_WhileAcquired_IsThisProcess()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path);

        using var held = DaemonLock.Acquire(folder);

        Assert.That(DaemonLock.HolderPid(folder), Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public void IsHeld_Probe_LeavesTheHolderPidInTheFile()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path);
        using (DaemonLock.Acquire(folder))
        {
        }

        Assert.That(DaemonLock.IsHeld(folder), Is.False);
        Assert.That(DaemonLock.HolderPid(folder), Is.EqualTo(Environment.ProcessId));
    }
}
