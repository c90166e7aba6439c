namespace PartyMode.Tests.Web.Browser;

/// <summary>Where test artefacts go: TestResults/ at the repository root.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "partymode.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("partymode.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(Root, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
