namespace TimeVision.Testing;

/// <summary>Finds the repository's folders from wherever a test runs.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>TimeVision.Functions.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The drawings committed under <c>tests/samples</c>, which every machine has.</summary>
    public static string Sample(string fileName) => Path.Combine(Root, "tests", "samples", fileName);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TimeVision.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TimeVision.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
