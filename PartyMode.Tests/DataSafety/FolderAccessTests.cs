using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

/// <summary>A data folder this user cannot write (made once by <c>sudo partymode serve</c>) gets one sentence, not a trace.</summary>
[Platform("Linux")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FolderAccessTests
{
    [Test]
    public async Task Serve_InAFolderOfAnotherUser_SaysWhoseItIsAndWhatToDo()
    {
        using var temp = new TempFolder();
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0b111_101_101);
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_000_000);
        // As root, play the user who did not run sudo (nobody); as anyone else, a folder of one's own made read-only does the same.
        var asRoot = Environment.UserName == "root";
        if (!asRoot)
        {
            File.SetUnixFileMode(data, (UnixFileMode)0b101_000_000);
        }

        var (code, output, error) = await CliProcess.RunUnderAsync(
            asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [], temp.Path,
            "serve", "--data", data, "--port", "0", "--bind", "127.0.0.1");

        var text = output + error;
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain($"cannot write {data}").And.Contain("chown -R"));
        if (asRoot)
        {
            Assert.That(text, Does.Contain("It belongs to root"));
        }

        Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(text.Trim().Split('\n'), Has.Length.EqualTo(1), "one sentence");
    }
}
